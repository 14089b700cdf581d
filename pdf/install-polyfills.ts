/** Side effect only: the built-ins pdf.js needs (pdf/polyfills.ts), before pdf.js runs. */
import { installPolyfills } from './polyfills';

installPolyfills(globalThis);
