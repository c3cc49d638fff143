/** The channel on which Rapport's pages and background tell each other that stored data changed. */
export const DATA_CHANNEL = 'rapport-data';

/**
 * Tells every open Rapport page that the background changed stored data, so that none keeps
 * showing what it read before. `from` tells the senders apart.
 */
export function announceToPages(from: string): void {
  const channel = new BroadcastChannel(DATA_CHANNEL);
  channel.postMessage(from);
  channel.close();
}
