// Types of eslint.config.js for the test that checks its shipped-folder list.
export const SHIPPED: string[];
export const EVERY_PAGE: string[];
declare const config: unknown[];
export default config;
