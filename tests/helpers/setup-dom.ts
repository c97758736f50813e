// Setup for the "dom" vitest project (store and io tests under happy-dom):
// installs an in-memory IndexedDB on the globals idb-keyval uses.
import 'fake-indexeddb/auto';
