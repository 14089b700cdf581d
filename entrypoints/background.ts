/**
 * Background entry: wiring only.
 */
export default defineBackground(() => {});
