// The d3 surface theme/js/graph.js uses. Keep this list short: every export here
// ships to every page that draws a graph. Add a module to package.json first.
export { select, selectAll, pointer } from "d3-selection";
export { zoom, zoomIdentity, zoomTransform } from "d3-zoom";
export { quadtree } from "d3-quadtree";
