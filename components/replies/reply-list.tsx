import { MomentText } from "@/components/dates/date-text";
import type { Reply } from "@/lib/replies/list-replies";

/**
 * Replies under one piece of feedback, oldest first. `author` names who wrote
 * them as the reader knows them ("You" for the client); `unreadBefore` marks
 * the replies the clinician had not seen before this look.
 */
export function ReplyList({
  replies,
  author,
  timeZone,
  markNew = false,
}: {
  replies: Reply[] | undefined;
  author: string;
  timeZone: string;
  markNew?: boolean;
}) {
  if (!replies?.length) return null;
  return (
    <ol className="mt-3 space-y-2 border-l-2 border-stone-200 pl-3" aria-label="Replies" data-testid="replies">
      {replies.map((reply) => (
        <li key={reply.id} className="rounded-lg bg-white p-3" data-testid="reply">
          <p className="text-sm font-medium text-stone-700">
            {author} replied · <MomentText value={reply.createdAt} view={{ timeZone }} withTime />
            {markNew && reply.readAt === null ? (
              <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">New reply</span>
            ) : null}
          </p>
          <p className="mt-1 whitespace-pre-wrap text-base text-stone-900 wrap-anywhere">{reply.body}</p>
        </li>
      ))}
    </ol>
  );
}
