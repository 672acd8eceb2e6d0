import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, JobDto, TargetDto, UserDto, BureauDto } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors/codes';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';
import { ROLES } from '../../shared/domain/roles';
import { buildHandlers, type HandlerDeps } from '../../electron/core/rpc/handlers';

describe('contract', () => {
  it('every method has a handler and every handler a method', () => {
    const handlers = buildHandlers({} as HandlerDeps);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('names are feature.verbObject; access and scope are declared', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
      expect(def.access === 'public' || def.access === 'any' || (Array.isArray(def.access) && def.access.every((r) => (ROLES as readonly string[]).includes(r)))).toBe(true);
      expect(['bureau', 'global']).toContain(def.scope);
      expect(def.summary.length).toBeGreaterThan(2);
    }
    expect(Object.entries(contract).filter(([, d]) => d.access === 'public').map(([n]) => n)).toEqual(['auth.login']);
  });

  it('every input schema is a strict object with a JSON Schema', () => {
    for (const [name, def] of Object.entries(contract)) {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as { type?: string; additionalProperties?: boolean };
      expect(schema.type, name).toBe('object');
      expect(schema.additionalProperties, name).toBe(false);
    }
  });

  it('every error code has a Chinese message', () => {
    for (const code of ERROR_CODES) expect(MESSAGES_ZH[code]).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('sample outputs parse against the DTOs', () => {
    const now = '2026-03-02T09:00:00.000Z';
    expect(() => TargetDto.parse({ id: 1, kind: 'for_profit', creditCode: '914403001922038216', identifier: null, description: null, name: '甲', legalRep: null, address: null, registrationBureauId: null, territorialBureauId: 2, industry: null, riskLevel: 'low', creditClass: 'A', regStatus: 'active', warnings: [], tags: [], version: 1, createdAt: now, updatedAt: now })).not.toThrow();
    expect(() => UserDto.parse({ id: 1, login: 'admin', displayName: '管理员', bureauId: 1, roles: ['admin'], active: true, mustChangePassword: false, lastLoginAt: null })).not.toThrow();
    expect(() => BureauDto.parse({ id: 1, divisionCode: '210100', name: '沈阳市市场监督管理局', level: 'city', parentId: null, fondsCode: 'J001', orgCode: 'SCJG', shortName: '沈市监', version: 1 })).not.toThrow();
    expect(() => JobDto.parse({ id: 1, kind: 'audit.verify', state: 'running', phase: 'chain', done: 1, total: 2, errorCode: null, errorDetails: null, result: null, createdAt: now, updatedAt: now })).not.toThrow();
    expect(() => TargetDto.parse({ id: 1 })).toThrow();
  });
});
