/** The websocket base for `/collab` on the page's own origin: `ws://host/collab` or `wss://host/collab`. */
export function collabUrl(origin: string): string {
  const url = new URL('/collab', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
