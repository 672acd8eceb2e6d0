import type { documentsMethods } from '../../../shared/contract';
import type { Handlers } from '../rpc/call-context';
import type { DocumentService } from './document-service';

type Names = keyof typeof documentsMethods;

export function buildDocumentHandlers(d: { documents: DocumentService }): Pick<Handlers, Names> {
  return {
    'documents.render': (input, call) => d.documents.render(call.actor, input, call.assertBureau),
    'documents.list': (input, call) => d.documents.list(input.inspectionId, call.assertBureau),
    'documents.exportFile': async (input, call) => ({ fileName: (await d.documents.exportFile(input.id, call.assertBureau)).fileName }),
  };
}
