import { App, Breadcrumb } from 'antd';
import { hrefOf, navigate } from '../../router/navigation';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { mayEditTargets } from './target-permissions';
import { TargetForm } from './TargetForm';

export function TargetNewPage() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const create = useRpcMutation('targets.create');
  const { message } = App.useApp();
  if (!mayEditTargets(user.roles)) return <ForbiddenPage />;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <a href={hrefOf('/targets')}>检查对象名录</a> }, { title: '新增检查对象' }]} />
      <TargetForm
        title="新增检查对象"
        submitLabel="保存"
        initialValues={{ kind: 'for_profit', territorialBureauId: user.bureauId, regStatus: 'active' }}
        territorialChoices={bureaus.within(user.bureauId).map((b) => b.id)}
        onSubmit={async (input) => {
          const saved = await create.mutateAsync(input);
          void message.success(`已保存：${saved.name}`);
          navigate(`/targets/${saved.id}`);
        }}
        onCancel={() => navigate('/targets')}
      />
    </>
  );
}
