import { CreateSchema0001 } from './0001-create-schema';
import { CreateEntityHistory1700000000002 } from './0002-create-entity-history';
import { CreateItems1700000000003 } from './0003-create-items';
import { CreateInspectors1700000000004 } from './0004-create-inspectors';
import { ExtendTargets1700000000005 } from './0005-extend-targets';
import { CreatePlansDraws1700000000006 } from './0006-create-plans-draws';
import { CreateHolidayYears1700000000007 } from './0007-create-holiday-years';
import { CreateDocuments1700000000008 } from './0008-create-documents';
import { InspectionWorkflow1700000000009 } from './0009-inspection-workflow';
import { CreateVolumeEntries1700000000010 } from './0010-create-volume-entries';
import { CreateVolumeRedactions1700000000011 } from './0011-create-volume-redactions';
import { CreateScans1700000000012 } from './0012-create-scans';
import { CreateArchives1700000000013 } from './0013-create-archives';
import { CreateTransfers1700000000014 } from './0014-create-transfers';
import { CreateLending1700000000015 } from './0015-create-lending';
import { CreateArchivedFiles1700000000016 } from './0016-create-archived-files';
import { FieldMarks1700000000017 } from './0017-field-marks';
import { CreateWatchedFolders1700000000018 } from './0018-create-watched-folders';
import { CreateReceivedArchivedFiles1700000000019 } from './0019-create-received-archived-files';
import { VolumesOpenedByHand1700000000020 } from './0020-volumes-opened-by-hand';

/** Every migration, in order. A data folder that lists a migration not in here is from a newer build. */
export const MIGRATIONS = [CreateSchema0001, CreateEntityHistory1700000000002, CreateItems1700000000003, CreateInspectors1700000000004, ExtendTargets1700000000005, CreatePlansDraws1700000000006, CreateHolidayYears1700000000007, CreateDocuments1700000000008, InspectionWorkflow1700000000009, CreateVolumeEntries1700000000010, CreateVolumeRedactions1700000000011, CreateScans1700000000012, CreateArchives1700000000013, CreateTransfers1700000000014, CreateLending1700000000015, CreateArchivedFiles1700000000016, FieldMarks1700000000017, CreateWatchedFolders1700000000018, CreateReceivedArchivedFiles1700000000019, VolumesOpenedByHand1700000000020];
