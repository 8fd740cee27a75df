/** Close code of a connection closed for breaking a limit or a rule (RFC 6455 "policy violation"). */
export const CLOSE_POLICY = 1008;
/** Close code of a message over the size limit (RFC 6455 "message too big"); ws sends it with no reason. */
export const CLOSE_TOO_BIG = 1009;

/** Close reason (1008) of a connection whose role on the template was taken away. */
export const REASON_ACCESS_REVOKED = 'access revoked';
/** Close reason (1008) of a connection whose login ended (logged out, password changed, token revoked). */
export const REASON_LOGIN_ENDED = 'login ended: log in again';
/** The permission-denied reason a viewer's update is answered with (the connection stays open). */
export const REASON_READ_ONLY = 'read-only: viewers cannot change this template';
