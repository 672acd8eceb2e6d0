import dayjs from 'dayjs';

/** 更新时间 with the record's version: `2024-05-01 08:00:00（第 3 版）`. */
export const versionStamp = (record: { updatedAt: string; version: number }) => `${dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm:ss')}（第 ${record.version} 版）`;
