import type { Catalogue } from './types';

// 简体中文。Redis 术语按 docs/i18n-glossary.md；命令名、类型名、事件名保持 Redis 原文。
export const zhCN: Catalogue = {
  app: {
    home: 'Redlens 首页',
    linkDesktop: '桌面应用',
    linkWebHost: 'Web 服务端 · {{host}}',
    connections: '连接',
    newConnection: '新建连接（Ctrl+N）',
    quickConnect: '快速连接',
    settings: '设置',
  },
  settings: {
    title: '设置',
    language: '语言',
    languageHint: '切换后立即生效，并保存在本机。',
    languageSystem: '跟随系统（{{language}}）',
    languageNames: { en: 'English', 'zh-CN': '简体中文' },
  },
  session: {
    connecting: '正在连接…',
    connectedTo: '已连接到',
    readOnly: '只读',
    reconnectedTo: '已重新连接到',
    reconnectedToReplica: '已重新连接到从节点',
    reconnectedToNewMaster: '已重新连接到新的主节点',
    reconnectedToMaster: '已重新连接到主节点',
    noMasterFor: '“{{name}}”没有主节点',
    noMasterForDeployment: '此部署没有主节点',
    electing: 'Sentinel（哨兵）正在选举新的主节点',
    cannotFailOver: '主节点已下线，且无法进行故障转移（quorum 不足）',
    noMaster: '{{who}}——{{what}}；写入已暂停（第 {{attempt}} 次尝试）',
    lastAnswer: '最后的回复：{{message}}',
    lostWithError: '连接已断开，正在重连（第 {{attempt}} 次尝试）：{{message}}',
    lostWaiting: '连接已断开，正在重连（第 {{attempt}} 次尝试）…',
    failed: '连接失败',
    failedBecause: '——{{message}}',
    retry: '重试',
    retrying: '正在重试…',
    viewTopology: '查看拓扑',
    closed: '已关闭。',
  },
};
