import type { Auth } from '../auth/Auth.ts';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import type { Logger } from '../createLogger.ts';
import type { ApiRoute } from './ApiRoute.ts';
import { documentRoutes } from './documentRoutes.ts';
import { renderRoute } from './renderRoute.ts';
import { VersionTemplates } from './VersionTemplates.ts';
import { valuesSetRoutes } from './valuesSetRoutes.ts';

/** Issuing documents: the render route, the documents log and the values sets, sharing one decoded-version cache. */
export function fillRoutes(options: {
  hub: DocumentHub;
  logger: Logger;
  bodyLimit: number;
  auth: Auth | undefined;
}): ApiRoute[] {
  const { hub, logger, bodyLimit, auth } = options;
  const store = hub.store;
  const templates = new VersionTemplates(hub);
  return [
    renderRoute({ store, templates, logger, bodyLimit }),
    ...documentRoutes({ store, templates, logger, auth }),
    ...valuesSetRoutes({ store, bodyLimit }),
  ];
}
