export { E2E_ADMIN } from './e2eAdmin.ts';
export { ensureClientBuilt } from './ensureClientBuilt.ts';
export { CHROMIUM_ARGS, launchChromium } from './launchChromium.ts';
export { type E2ERole, logInAs, passwordFor, usernameFor } from './logInAs.ts';
export { EDITOR_CLAUSE, type EditorSession, type OpenEditorOptions, openEditorPage } from './openEditorPage.ts';
export { FILL_READY, type FillSession, type OpenFillOptions, openFillPage } from './openFillPage.ts';
export { REPO_ROOT } from './repoRoot.ts';
export { SCREENSHOTS, screenshot } from './screenshot.ts';
export { type AppServer, type StartAppServerOptions, startAppServer } from './startAppServer.ts';
