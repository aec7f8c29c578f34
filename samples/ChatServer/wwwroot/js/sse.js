// Server-sent events over fetch (EventSource cannot POST): reads a response body and calls
// onEvent(name, data) per event. Handles events split across reads, LF, CR and CRLF line endings
// (also a CRLF split between two reads), multi-line data and comments (the ": ping" keep-alive).

/** Reads an SSE body to its end. */
export async function readEventStream(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser(onEvent);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}

/** An incremental SSE parser: feed(text) as it arrives, end() at the end of the body. */
export function createSseParser(onEvent) {
  let buffer = '';
  let eventName = '';
  let dataLines = [];

  function feed(text) {
    buffer += text;
    let start = 0;
    for (;;) {
      const lf = buffer.indexOf('\n', start);
      const cr = buffer.indexOf('\r', start);
      if (lf === -1 && cr === -1) {
        break;
      }
      let end;
      let next;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr === buffer.length - 1) {
          break; // A CR at the end: its LF may come with the next read.
        }
        end = cr;
        next = buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      processLine(buffer.slice(start, end));
      start = next;
    }
    buffer = buffer.slice(start);
  }

  function processLine(line) {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      eventName = value;
    } else if (field === 'data') {
      dataLines.push(value);
    }
  }

  function dispatch() {
    if (dataLines.length > 0) {
      onEvent(eventName || 'message', dataLines.join('\n'));
    }
    eventName = '';
    dataLines = [];
  }

  function end() {
    if (buffer.endsWith('\r')) {
      feed('\n');
    }
    // An event without its closing blank line is incomplete and dropped, as the SSE standard says.
    buffer = '';
  }

  return { feed, end };
}
