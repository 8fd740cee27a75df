/** Connection problems the status area explains (Chinese is the source). */
export const connectionZh = {
  'problem.revoked': '您对此模板的访问权限已被收回。',
  'problem.loginEnded': '登录已失效，请重新登录。',
  'problem.tooLarge': '文档已超过大小上限，最后的改动未保存。',
  'problem.breaksTemplate': '服务器拒绝了一处会破坏模板结构的改动，已停止同步。',
  'problem.invalid': '服务器拒绝了无效的改动，已停止同步。',
  'problem.tooManyConnections': '打开的连接过多，请关闭其他标签页；稍后自动重试。',
  'problem.readOnly': '只读：您的改动没有保存（查看者不能修改此模板）。',
  'problem.policy': '服务器断开了连接。',
  'problem.reload': '重新加载',
} as const;

export const connectionEn: Record<keyof typeof connectionZh, string> = {
  'problem.revoked': 'Your access to this template was taken away.',
  'problem.loginEnded': 'Your login has ended; please log in again.',
  'problem.tooLarge': 'The document is over its size limit; the last change was not saved.',
  'problem.breaksTemplate': 'The server refused a change that would break the template; syncing stopped.',
  'problem.invalid': 'The server refused an invalid change; syncing stopped.',
  'problem.tooManyConnections': 'Too many open connections: close other tabs. Retrying shortly.',
  'problem.readOnly': 'Read-only: your change was not saved (viewers cannot change this template).',
  'problem.policy': 'The server closed the connection.',
  'problem.reload': 'Reload',
};
