/** The admin account `startAppServer` gives the server (`CLAUSEWRIGHT_ADMIN_PASSWORD`), which the harness logs in as. */
export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' } as const;
