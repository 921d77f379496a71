/**
 * The production server's own door to the interest receiver: POST /api/interest is answered
 * here, on the Node request, without Astro's request pipeline (a web Request and Response per
 * post, middleware, routing: most of a post's CPU time, docs/performance.md "Form receiver").
 * The rules are not here: ./receiveInterest.ts decides, exactly as it does for Astro's endpoint
 * (src/pages/api/interest.ts, what `astro dev` runs). Only answers that are a page in her
 * language (the form again, "wait a little") go on to Astro, which renders /<lang>/interest/reply/.
 * Anything else (another method, another address form) is not ours: it goes on to Astro as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '#src/store/openStore.ts';
import type { InterestRuntime } from './interestRuntime.ts';
import { readNodeBodyWithLimit } from './interestRequestGuard.ts';
import { receiveInterest, replyPath, simpleAnswer, type InterestChoices, type InterestReply } from './receiveInterest.ts';

export interface InterestReceiverOptions {
  runtime: InterestRuntime;
  /** The open database the inbox's intake writes to (the runtime's store's). */
  db: Database;
  /** The activity slugs and channel codes the form may send. */
  choices: InterestChoices;
  /**
   * Renders her reply page (/<lang>/interest/reply/) for this request with `reply` in
   * Astro.locals.interestReply; the body has been read, and the request is now a GET of that page.
   */
  renderReply: (req: IncomingMessage, res: ServerResponse, reply: InterestReply) => void;
}

const receiverUrls = new Set(['/api/interest', '/api/interest/']);

/** A request handler: answers and returns true for a POST to the receiver, else returns false. */
export function createInterestReceiver({ runtime, db, choices, renderReply }: InterestReceiverOptions) {
  const context = { runtime, database: () => db, choices: () => choices };

  async function receive(req: IncomingMessage, res: ServerResponse) {
    const answer = await receiveInterest(
      {
        header: (name) => {
          const value = req.headers[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        remoteAddress: req.socket.remoteAddress,
        readBody: (limit) => readNodeBodyWithLimit(req, limit),
      },
      context,
    );
    if (answer.kind === 'reply') {
      req.method = 'GET';
      req.url = replyPath(answer.lang);
      renderReply(req, res, answer.reply);
      return;
    }
    const { status, headers, body } = simpleAnswer(answer);
    // A body not read (or not to the end) is read and dropped by Node, as for any other route.
    res.writeHead(status, headers);
    res.end(body ?? undefined);
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || !receiverUrls.has(req.url ?? '')) return false;
    receive(req, res).catch((error: unknown) => {
      // Never the error's message: it could one day carry a value.
      console.error(`interest: the receiver failed (${(error as { code?: string }).code ?? 'unknown error'})`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      } else res.destroy();
    });
    return true;
  };
}
