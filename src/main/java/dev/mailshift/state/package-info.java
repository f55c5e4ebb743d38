/**
 * The embedded state store: one SQLite file (WAL) holding the run lock, runs and their journal,
 * per-folder sync checkpoints, UID maps, append intents and skipped-message lists. It never holds
 * a secret. API: {@link dev.mailshift.state.StateStore} and the records it hands out; everything
 * else is internal, no compatibility guarantee.
 */
package dev.mailshift.state;
