/**
 * The production server's own door to the form receivers: a POST to a form's address
 * (/api/interest, /api/referral) is answered here, on the Node request, without Astro's request
 * pipeline (a web Request and Response per post, middleware, routing: most of a post's CPU time,
 * docs/performance.md "Form receiver"). The rules are not here: ./receiveForm.ts decides, exactly
 * as it does for Astro's endpoints (./formEndpoint.ts, what `astro dev` runs). Only answers that
 * are a page in her language (the form again, "wait a little") go on to Astro, which renders the
 * form's reply page. Anything else (another method, an address with a query) is not ours: it goes
 * on to Astro as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '#src/store/openStore.ts';
import { replyPath, type FormChoices, type FormDefinition } from './formDefinition.ts';
import { readNodeBodyWithLimit } from './readFormBody.ts';
import { receiveForm, simpleAnswer, type FormRuntime } from './receiveForm.ts';

export interface FormReceiverOptions {
  /** The forms answered here, each at its `action`. */
  forms: readonly FormDefinition[];
  runtime: FormRuntime;
  /** The open database the forms' store calls write to (the runtime's store's). */
  db: Database;
  /** The activity slugs and channel codes the forms may send. */
  choices: FormChoices;
  /**
   * Renders a form's reply page for this request with `locals` (the reply in Astro.locals); the
   * body has been read, and the request is now a GET of that page.
   */
  renderReply: (req: IncomingMessage, res: ServerResponse, locals: Partial<App.Locals>) => void;
}

/** A request handler: answers and returns true for a POST to one of the forms, else returns false. */
export function createFormReceiver({ forms, runtime, db, choices, renderReply }: FormReceiverOptions) {
  const context = { runtime, database: () => db, choices: () => choices };
  const byUrl = new Map(forms.flatMap((form) => [[form.action, form] as const, [`${form.action}/`, form] as const]));

  async function receive(form: FormDefinition, req: IncomingMessage, res: ServerResponse) {
    const answer = await receiveForm(
      form,
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
      req.url = replyPath(form, answer.lang);
      renderReply(req, res, form.replyLocals(answer.reply));
      return;
    }
    const { status, headers, body } = simpleAnswer(form, answer);
    // A body not read (or not to the end) is read and dropped by Node, as for any other route.
    res.writeHead(status, headers);
    res.end(body ?? undefined);
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const form = req.method === 'POST' ? byUrl.get(req.url ?? '') : undefined;
    if (!form) return false;
    receive(form, req, res).catch((error: unknown) => {
      // Never the error's message: it could one day carry a value.
      console.error(`${form.name}: the receiver failed (${(error as { code?: string }).code ?? 'unknown error'})`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      } else res.destroy();
    });
    return true;
  };
}
