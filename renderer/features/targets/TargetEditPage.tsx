import { Alert, App, Breadcrumb, Skeleton } from 'antd';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf, navigate } from '../../router/navigation';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { fromTarget } from './target-form-values';
import { mayEditTargets } from './target-permissions';
import { TargetForm } from './TargetForm';

export function TargetEditPage({ id }: { id: number }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const target = useRpc('targets.get', { id }, { staleTime: 0 });
  const update = useRpcMutation('targets.update');
  const { message } = App.useApp();
  if (!mayEditTargets(user.roles)) return <ForbiddenPage />;
  if (target.error) return <Alert type="error" showIcon title={failureMessage(target.error)} />;
  if (!target.data || bureaus.isLoading) return <Skeleton active />;
  const current = target.data;
  const choices = new Set(bureaus.within(user.bureauId).map((b) => b.id));
  choices.add(current.territorialBureauId);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <a href={hrefOf('/targets')}>检查对象名录</a> }, { title: <a href={hrefOf(`/targets/${id}`)}>{current.name}</a> }, { title: '编辑' }]}
      />
      <TargetForm
        // A reload after a version conflict brings a new version: start the form afresh.
        key={current.version}
        title={`编辑检查对象：${current.name}`}
        submitLabel="保存修改"
        initialValues={fromTarget(current)}
        territorialChoices={[...choices]}
        onSubmit={async (input) => {
          await update.mutateAsync({ ...input, id, expectedVersion: current.version });
          void message.success('已保存修改');
          navigate(`/targets/${id}`);
        }}
        onCancel={() => navigate(`/targets/${id}`)}
        onReload={() => void target.refetch()}
      />
    </>
  );
}
