export { ensureClientBuilt } from './ensureClientBuilt.ts';
export { CHROMIUM_ARGS, launchChromium } from './launchChromium.ts';
export { type EditorSession, LABELLED_CLAUSE, type OpenEditorOptions, openEditorPage } from './openEditorPage.ts';
export { REPO_ROOT } from './repoRoot.ts';
export { type AppServer, type StartAppServerOptions, startAppServer } from './startAppServer.ts';
