import { parkFileResponse } from '@/app/_server/file-response';
import { meetingInvitation } from '@/lib/council/invitation';
import { isUuid } from '@/lib/validation/uuid';

/** GET /p/{park}/meetings/{id}/invite.ics: the meeting as a calendar event, for its council members and the park's staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  if (!isUuid(id)) return new Response('Not found', { status: 404 });
  return parkFileResponse(slug, 'park.read', 'council-meeting.ics', async ({ actor, db, park }) => {
    const invitation = await meetingInvitation(db, { actor, meetingId: id, parkId: park.id });
    return { body: invitation.body, contentType: 'text/calendar; charset=utf-8' };
  });
}
