import { positiveInt } from '../directory/list-params';
import { DrawTaskChooser } from './DrawTaskChooser';
import { DrawTaskScreen } from './DrawTaskScreen';

/** 随机摇号: #/draws lists the tasks that may be drawn; #/draws?task=ID is the draw screen of one task. */
export function DrawPage({ params }: { params: URLSearchParams }) {
  const taskId = positiveInt(params.get('task'));
  return taskId ? <DrawTaskScreen key={taskId} taskId={taskId} /> : <DrawTaskChooser />;
}
