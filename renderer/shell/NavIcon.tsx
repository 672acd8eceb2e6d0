import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  InboxOutlined,
  NotificationOutlined,
  ReadOutlined,
  ScanOutlined,
  SearchOutlined,
  SettingOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS: Record<string, ReactNode> = {
  database: <DatabaseOutlined />,
  schedule: <CalendarOutlined />,
  draw: <ThunderboltOutlined />,
  inspect: <FileSearchOutlined />,
  volume: <BookOutlined />,
  archive: <InboxOutlined />,
  transfer: <SwapOutlined />,
  lending: <ReadOutlined />,
  scan: <ScanOutlined />,
  search: <SearchOutlined />,
  publish: <NotificationOutlined />,
  report: <BarChartOutlined />,
  settings: <SettingOutlined />,
  audit: <AuditOutlined />,
};

export function NavIcon({ name }: { name: string }) {
  return <>{ICONS[name] ?? null}</>;
}
