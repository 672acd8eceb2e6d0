import type { z } from 'zod';
import type { ErrorCode } from '../errors/codes';
import { archivesMethods } from './archives';
import { authMethods, usersMethods } from './auth';
import { backupMethods } from './backup';
import { bureausMethods } from './bureaus';
import { calendarMethods } from './calendar';
import { documentsMethods } from './documents';
import { drawsMethods } from './draws';
import { importsMethods } from './imports';
import { expertsMethods, inspectorsMethods, recusalsMethods } from './inspectors';
import { inspectionsMethods } from './inspections';
import { itemsMethods } from './items';
import { jobsMethods } from './jobs';
import { lendingMethods } from './lending';
import { plansMethods } from './plans';
import { publishMethods } from './publish';
import { reportsMethods } from './reports';
import { scansMethods } from './scans';
import { systemMethods } from './system';
import { targetsMethods } from './targets';
import { transfersMethods } from './transfers';
import { volumesMethods } from './volumes';

/** The one declared interface of the backend. Names are feature.verbObject. */
export const contract = {
  ...authMethods,
  ...usersMethods,
  ...bureausMethods,
  ...targetsMethods,
  ...inspectorsMethods,
  ...expertsMethods,
  ...recusalsMethods,
  ...itemsMethods,
  ...importsMethods,
  ...plansMethods,
  ...drawsMethods,
  ...documentsMethods,
  ...volumesMethods,
  ...transfersMethods,
  ...backupMethods,
  ...scansMethods,
  ...archivesMethods,
  ...lendingMethods,
  ...inspectionsMethods,
  ...publishMethods,
  ...reportsMethods,
  ...calendarMethods,
  ...jobsMethods,
  ...systemMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export type RpcError = { code: ErrorCode; details: Record<string, unknown> };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export type RpcRequest = { method: string; input?: unknown; sessionToken?: string | null };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './archives';
export * from './auth';
export * from './backup';
export * from './bureaus';
export * from './calendar';
export * from './common';
export * from './documents';
export * from './draws';
export * from './events';
export * from './imports';
export * from './inspections';
export * from './inspectors';
export * from './items';
export * from './jobs';
export * from './lending';
export * from './method';
export * from './plans';
export * from './publish';
export * from './reports';
export * from './scans';
export * from './system';
export * from './targets';
export * from './transfers';
export * from './volumes';
