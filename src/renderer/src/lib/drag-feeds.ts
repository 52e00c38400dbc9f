/**
 * Moving feeds by drag and drop in the sidebar: a feed row is dragged with its id under our own
 * type (so that links or text dropped from elsewhere are ignored), and folder headings, folder
 * lists and the "Feeds" heading (the top level) take the drop. The place under the pointer is
 * marked with `data-drop-target` (styled in app.css).
 */
import type { Attachment } from 'svelte/attachments';

/** The drag data type of a feed row. */
const FEED_TYPE = 'application/x-folio-feed';

/** Makes an element draggable as feed `id`. */
export function dragFeed(id: number): Attachment<HTMLElement> {
  return (node) => {
    node.draggable = true;
    const start = (event: DragEvent) => {
      if (!event.dataTransfer) return;
      event.dataTransfer.setData(FEED_TYPE, String(id));
      event.dataTransfer.effectAllowed = 'move';
    };
    node.addEventListener('dragstart', start);
    return () => node.removeEventListener('dragstart', start);
  };
}

/** Makes an element take dropped feeds, moving them into `folder` (null: the top level). */
export function dropFeeds(
  folder: string | null,
  onmove: (feedId: number, folder: string | null) => void,
): Attachment<HTMLElement> {
  return (node) => {
    const carriesFeed = (event: DragEvent) =>
      event.dataTransfer?.types.includes(FEED_TYPE) ?? false;
    const over = (event: DragEvent) => {
      if (!carriesFeed(event)) return;
      // Accepting the drop: without preventDefault the browser refuses it.
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      node.dataset.dropTarget = '';
    };
    const leave = (event: DragEvent) => {
      if (!node.contains(event.relatedTarget as Node | null)) delete node.dataset.dropTarget;
    };
    const drop = (event: DragEvent) => {
      delete node.dataset.dropTarget;
      if (!carriesFeed(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const id = Number(event.dataTransfer?.getData(FEED_TYPE));
      if (Number.isInteger(id) && id > 0) onmove(id, folder);
    };
    node.addEventListener('dragenter', over);
    node.addEventListener('dragover', over);
    node.addEventListener('dragleave', leave);
    node.addEventListener('drop', drop);
    return () => {
      node.removeEventListener('dragenter', over);
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    };
  };
}
