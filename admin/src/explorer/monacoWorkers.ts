/**
 * Monaco runs its language services in web workers. These `?worker` imports make Vite bundle them
 * (so nothing is fetched from a CDN) and register them before GraphiQL creates its editors.
 * graphiql's own 'graphiql/setup-workers/vite' does the same from inside node_modules, where Vite's
 * dev-server dependency optimizer cannot load `?worker` imports; from our source both dev and
 * build handle them.
 */
// The type import also brings in Monaco's declaration of the global MonacoEnvironment.
import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

const environment: Environment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'graphql':
        return new GraphQLWorker();
      case 'json':
        return new JsonWorker();
      default:
        return new EditorWorker();
    }
  },
};

self.MonacoEnvironment = environment;
