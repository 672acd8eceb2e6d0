import { App, Form } from 'antd';
import { useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import { useRpcMutation } from '../rpc/use-rpc';
import { applyServerError } from './server-errors';

/** Methods whose result has a name (the success message of a create says which). */
type NamedMethod = { [M in MethodName]: MethodOutput<M> extends { name: string } ? M : never }[MethodName];

type Options<C extends NamedMethod, U extends MethodName> = {
  create: C;
  update: U;
  /** The form's field names, so backend errors land on their fields. */
  fieldNames: readonly string[];
  onSaved?(saved: MethodOutput<C>): void;
  onClose(): void;
};

/** What `submit` sends: a create (new entity) or an update (existing one). */
export type EntitySave<C extends MethodName, U extends MethodName> = { create: MethodInput<C> } | { update: MethodInput<U> };

/**
 * The save flow of a new/edit form modal: create or update through the backend, the saving flag,
 * the problem to show above the form (backend errors on their fields where they belong),
 * the success message, then onSaved and onClose.
 */
export function useEntityForm<C extends NamedMethod, U extends MethodName>({ create, update, fieldNames, onSaved, onClose }: Options<C, U>) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const createMutation = useRpcMutation(create);
  const updateMutation = useRpcMutation(update);
  const saving = createMutation.isPending || updateMutation.isPending;

  const submit = async (save: EntitySave<C, U>) => {
    setProblem(null);
    try {
      const saved = ('update' in save ? await updateMutation.mutateAsync(save.update) : await createMutation.mutateAsync(save.create)) as MethodOutput<C>;
      void message.success('update' in save ? '已保存修改' : `已新增：${saved.name}`);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames }));
    }
  };

  return { form, problem, saving, submit };
}
