/** Close code of a connection closed for breaking a limit or a rule (RFC 6455 "policy violation"). */
export const CLOSE_POLICY = 1008;
/** Close code of a message over the size limit (RFC 6455 "message too big"); ws sends it with no reason. */
export const CLOSE_TOO_BIG = 1009;
