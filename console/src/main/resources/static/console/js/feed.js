// The live feed (/api/console/feed, Server-Sent Events through the gateway): one `matter` event per thing that
// happened in the person's areas, {type, domain, subject, area, time}. The EventSource reconnects by itself; the
// screens read their lists again after a reconnect, since the feed only says "look again".

export function openFeed(onStatus) {
  const handlers = new Set();
  const reconnected = new Set();
  let source = null;
  let wasOpen = false;

  function connect() {
    source = new EventSource('/api/console/feed', { withCredentials: true });
    source.addEventListener('open', () => {
      onStatus && onStatus('live');
      if (wasOpen) {
        reconnected.forEach((fn) => fn());
      }
      wasOpen = true;
    });
    source.addEventListener('error', () => {
      onStatus && onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    });
    source.addEventListener('matter', (event) => {
      let item;
      try {
        item = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handlers.forEach((fn) => fn(item));
    });
  }
  connect();

  return {
    /** fn(item) for every item; returns the function that stops it. */
    on(fn) {
      handlers.add(fn);
      return () => handlers.delete(fn);
    },
    /** fn() after the stream came back from an outage. */
    onReconnect(fn) {
      reconnected.add(fn);
      return () => reconnected.delete(fn);
    },
    close() {
      source && source.close();
    },
  };
}
