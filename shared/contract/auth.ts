import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { Empty, Id, Ok } from './common';
import { method } from './method';

export const RoleSchema = z.enum(ROLES);

export const UserDto = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  bureauId: Id,
  roles: z.array(RoleSchema),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserDto>;

export const Login = z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9_.-]+$/, '登录名只能使用字母、数字、下划线、点和连字符');

export const authMethods = {
  'auth.login': method({
    summary: '登录，返回会话令牌',
    access: 'public',
    mutates: true,
    input: z.strictObject({ login: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }),
    output: z.object({ sessionToken: z.string(), user: UserDto }),
  }),
  'auth.logout': method({ summary: '退出登录', access: 'any', mutates: true, input: Empty, output: Ok }),
  'auth.me': method({ summary: '当前登录用户', access: 'any', input: Empty, output: UserDto }),
  'auth.changePassword': method({
    summary: '修改本人密码',
    access: 'any',
    mutates: true,
    input: z.strictObject({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
    output: Ok,
  }),
};

export const usersMethods = {
  'users.list': method({
    summary: '用户列表（本单位及下级单位）',
    access: ['admin'],
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional() }),
    output: z.array(UserDto),
  }),
  'users.create': method({
    summary: '新建用户，返回一次性初始密码',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      login: Login,
      displayName: z.string().trim().min(1).max(40),
      bureauId: Id,
      roles: z.array(RoleSchema).min(1),
    }),
    output: z.object({ user: UserDto, initialPassword: z.string() }),
  }),
  'users.update': method({
    summary: '修改用户的姓名、角色或启用状态',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      id: Id,
      displayName: z.string().trim().min(1).max(40).optional(),
      roles: z.array(RoleSchema).min(1).optional(),
      active: z.boolean().optional(),
    }),
    output: UserDto,
  }),
  'users.resetPassword': method({
    summary: '重置用户密码，返回一次性密码',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: z.object({ initialPassword: z.string() }),
  }),
};
