// Scrolling to something the page has just drawn, after the frame that lays it out (issue #15). A scroll needs the
// page laid out: asked for in the task (or frame callback) that changed the DOM, it laid out all of that change
// there, on top of the work that made it. A hand move at 10,000 stops did it three times (the route's stop list,
// the route table, the timeline), each 20-35 ms of forced layout in a task of its own or in a frame's callbacks.
// After the next frame the layout is done, and the scroll costs little.
import { afterFrame } from '../../map/chunked';

/** Scrolls `el` into view after the next frame, if it is still in the page and `still()` holds then. */
export function scrollIntoViewSoon(el: Element, options: ScrollIntoViewOptions, still: () => boolean = () => true): void {
  afterFrame(() => {
    if (el.isConnected && still()) el.scrollIntoView(options);
  });
}
