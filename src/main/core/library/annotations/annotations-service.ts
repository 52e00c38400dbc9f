/** The Api methods that take highlights and notes elsewhere: Markdown and Web Annotation. */
import type { Api } from '../../../../shared/contract';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { exportMarkdown } from './export-markdown';
import { exportW3C } from './annotations-w3c';
import { importW3C } from './annotations-w3c-import';
import { exportToFolder, type ChooseFolder } from './export-folder';

type Methods =
  'export.markdown' | 'export.toFolder' | 'annotations.exportW3C' | 'annotations.importW3C';

/**
 * Returns the implementations of the export and import methods. `chooseFolder` is the desktop
 * shell's folder dialog (absent in browser mode).
 */
export function annotationsService(
  store: Store,
  events: EventHub,
  chooseFolder?: ChooseFolder,
): Pick<Api, Methods> {
  return {
    'export.markdown': async (params) => exportMarkdown(store, params),
    'export.toFolder': (params) => exportToFolder(store, chooseFolder, params),
    'annotations.exportW3C': async (params) => exportW3C(store, params),
    'annotations.importW3C': async ({ json }) => importW3C(store, events, json),
  };
}
