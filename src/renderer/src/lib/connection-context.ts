/**
 * The connection to the core as a Svelte context: App.svelte sets the one it made, and the
 * components that build a state of their own (storage usage, suggestions, note editors, the add
 * dialog's discovery, exports) take it from there instead of from a module-level client.
 */
import { createContext } from 'svelte';
import type { Connection } from './api';

const [get, set] = createContext<Connection>();

/** Returns the connection App.svelte set (throws outside the app's component tree). */
export const getConnection: () => Connection = get;

/** Makes `connection` the one the components below take; returns it. */
export const setConnection: (connection: Connection) => Connection = set;
