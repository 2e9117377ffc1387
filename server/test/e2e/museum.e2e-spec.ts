import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type ContinueTourResponse,
  ErrorCode,
  type ErrorBody,
  type ExhibitDto,
  type ExhibitListResponse,
  type FollowResponse,
  type HallDetailResponse,
  type HallListResponse,
  MuseumRoute,
  type NotificationListResponse,
  type PreviewMarkdownResponse,
  type PublishExhibitResponse,
  type ReactionResponse,
  type RichTextNode,
  type TagListResponse,
  routePath,
} from '@careerside/shared';
import { MuseumBuilder, wav, upload } from '../support/museum-fixtures';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { pollUntil } from '../support/poll';

type Session = Awaited<ReturnType<typeof signIn>>;

const hallPath = (id: string) => routePath(MuseumRoute.hall, { id });
const exhibitPath = (id: string) => routePath(MuseumRoute.exhibit, { id });

function tagsOf(nodes: RichTextNode[]): string[] {
  return nodes.flatMap((node) => ('name' in node ? [node.name, ...tagsOf(node.children ?? [])] : []));
}

describe('the Pocket Employment Museum', () => {
  let t: TestApp;
  let mediaDir: string;
  let admin: Session;
  let student: Session;
  let build: MuseumBuilder;
  let hall: AdminHallDto;
  let draftHall: AdminHallDto;
  let exhibits: AdminExhibitDto[];
  let draft: AdminExhibitDto;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'careerside-museum-'));
    t = await startTestApp({ env: { MEDIA_DIR: mediaDir, MUSEUM_VIEW_FLUSH_MS: '100' } });
    admin = await signIn(t.api, 'admin');
    student = await signIn(t.api, 'student', { name: '观众' });
    build = new MuseumBuilder(admin.api, admin.token);
    hall = await build.hall('星辰大海厅');
    draftHall = await build.hall('筹备中的展厅', { publish: false });
    exhibits = [];
    for (const [index, title] of ['火箭总装车间的青春', '戈壁滩上的测控站', '深空探测的第一课'].entries()) {
      exhibits.push(
        await build.exhibit(hall.id, title, {
          tags: index === 1 ? ['航天', '测控'] : ['航天'],
          keySector: 'aerospace',
          alumni: [
            { name: `校友${index}`, classYear: 2010 + index, employer: '某航天研究院', role: '工程师' },
          ],
        }),
      );
    }
    draft = await build.exhibit(hall.id, '尚未发布的展品', { publish: false });
    await build.exhibit(draftHall.id, '草稿展厅里的展品');
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  describe('what students see', () => {
    it('lists only published halls, with counts and covers', async () => {
      const response = await student.api.get<HallListResponse>(MuseumRoute.halls);
      expect(response.status).toBe(200);
      expect(response.body.items.map((item) => item.title)).toEqual(['星辰大海厅']);
      expect(response.body.items[0]).toMatchObject({
        id: hall.id,
        status: 'published',
        exhibitCount: 3,
        followerCount: 0,
        following: false,
        cover: { kind: 'image', url: expect.stringMatching(/^\/api\/media\//) },
      });
    });

    it('pages through a hall in order, and never shows drafts', async () => {
      const first = await student.api.get<HallDetailResponse>(`${hallPath(hall.id)}?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.exhibits.map((exhibit) => exhibit.title)).toEqual([
        '火箭总装车间的青春',
        '戈壁滩上的测控站',
      ]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(first.body.exhibits[1]).toMatchObject({
        hallTitle: '星辰大海厅',
        tags: ['航天', '测控'],
        alumniNames: ['校友1'],
        keySector: 'aerospace',
        hasAudio: false,
      });
      const second = await student.api.get<HallDetailResponse>(
        `${hallPath(hall.id)}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
      );
      expect(second.body.exhibits.map((exhibit) => exhibit.title)).toEqual(['深空探测的第一课']);
      expect(second.body.nextCursor).toBeNull();
    });

    it('answers 404 for a draft hall and a draft exhibit, 400 for a forged cursor', async () => {
      expect((await student.api.get(hallPath(draftHall.id))).status).toBe(404);
      const missing = await student.api.get<ErrorBody>(exhibitPath(draft.id));
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe(ErrorCode.NotFound);
      const preview = await student.api.get<HallDetailResponse>(`${hallPath(hall.id)}?preview=true`);
      expect(preview.body.exhibits.map((exhibit) => exhibit.id)).not.toContain(draft.id);
      const forged = await student.api.get<ErrorBody>(`${hallPath(hall.id)}?cursor=bm90LWEtY3Vyc29y`);
      expect(forged.status).toBe(400);
      expect(forged.body.details?.[0]?.field).toBe('cursor');
    });

    it('lets staff preview drafts', async () => {
      const exhibit = await admin.api.get<ExhibitDto>(exhibitPath(draft.id));
      expect(exhibit.status).toBe(200);
      expect(exhibit.body.status).toBe('draft');
      const preview = await admin.api.get<HallDetailResponse>(`${hallPath(hall.id)}?preview=true`);
      expect(preview.body.exhibits.map((item) => item.id)).toContain(draft.id);
      expect((await admin.api.get(hallPath(draftHall.id))).status).toBe(200);
    });

    it('shows an exhibit with its body as rich-text nodes, media, alumni and neighbours', async () => {
      const response = await student.api.get<ExhibitDto>(exhibitPath(exhibits[1].id));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: '戈壁滩上的测控站',
        alumni: [{ name: '校友1', classYear: 2011, employer: '某航天研究院', role: '工程师' }],
        advisingTopic: 'key_sectors',
        audioGuide: null,
        liked: false,
        favourited: false,
        previous: { id: exhibits[0].id, title: '火箭总装车间的青春' },
        next: { id: exhibits[2].id, title: '深空探测的第一课' },
      });
      expect(response.body.body[0]).toEqual({
        name: 'h3',
        attrs: { class: 'md-h3' },
        children: [{ type: 'text', text: '戈壁滩上的测控站' }],
      });
    });

    it('counts views without making the page wait, and remembers where the tour stopped', async () => {
      const before = (await student.api.get<ExhibitDto>(exhibitPath(exhibits[2].id))).body.viewCount;
      await student.api.get(exhibitPath(exhibits[2].id));
      const tour = await student.api.get<ContinueTourResponse>(MuseumRoute.continueTour);
      expect(tour.body.exhibit?.id).toBe(exhibits[2].id);
      const after = await pollUntil(
        async () =>
          (await admin.api.get<AdminExhibitDto>(routePath(MuseumRoute.admin.exhibit, { id: exhibits[2].id })))
            .body.viewCount,
        (count) => count >= before + 2,
      );
      expect(after).toBe(before + 2);
      // Once written, the visit is still the place to continue from.
      expect((await student.api.get<ContinueTourResponse>(MuseumRoute.continueTour)).body.exhibit?.id).toBe(
        exhibits[2].id,
      );
      const fresh = await signIn(t.api, 'student');
      expect((await fresh.api.get<ContinueTourResponse>(MuseumRoute.continueTour)).body).toEqual({
        exhibit: null,
        visitedAt: null,
      });
    });

    it('keeps likes and favourites idempotent, and lists favourites', async () => {
      const id = exhibits[0].id;
      const like = routePath(MuseumRoute.exhibitLike, { id });
      const other = await signIn(t.api, 'student');
      expect((await student.api.put<ReactionResponse>(like)).body).toEqual({
        reaction: 'like',
        active: true,
        count: 1,
      });
      expect((await student.api.put<ReactionResponse>(like)).body).toEqual({
        reaction: 'like',
        active: true,
        count: 1,
      });
      expect((await other.api.put<ReactionResponse>(like)).body.count).toBe(2);
      expect((await student.api.delete<ReactionResponse>(like)).body).toEqual({
        reaction: 'like',
        active: false,
        count: 1,
      });
      expect((await student.api.delete<ReactionResponse>(like)).body.count).toBe(1);

      const favourite = routePath(MuseumRoute.exhibitFavourite, { id });
      await student.api.put(favourite);
      await student.api.put(favourite);
      const detail = await student.api.get<ExhibitDto>(exhibitPath(id));
      expect(detail.body).toMatchObject({ liked: false, favourited: true, favouriteCount: 1, likeCount: 1 });
      const list = await student.api.get<ExhibitListResponse>(MuseumRoute.myFavourites);
      expect(list.body.items.map((item) => item.id)).toEqual([id]);
      expect((await student.api.put(routePath(MuseumRoute.exhibitLike, { id: draft.id }))).status).toBe(404);
    });

    it('searches by title and by tag, and lists tags', async () => {
      const byTitle = await student.api.get<ExhibitListResponse>(
        `${MuseumRoute.search}?q=${encodeURIComponent('测控站')}`,
      );
      expect(byTitle.body.items.map((item) => item.title)).toEqual(['戈壁滩上的测控站']);
      const byTagText = await student.api.get<ExhibitListResponse>(
        `${MuseumRoute.search}?q=${encodeURIComponent('测控')}`,
      );
      expect(byTagText.body.items.map((item) => item.title)).toEqual(['戈壁滩上的测控站']);
      const byTag = await student.api.get<ExhibitListResponse>(
        `${MuseumRoute.search}?tag=${encodeURIComponent('航天')}`,
      );
      expect(byTag.body.items).toHaveLength(3);
      const wildcard = await student.api.get<ExhibitListResponse>(`${MuseumRoute.search}?q=%25`);
      expect(wildcard.body.items).toEqual([]);
      const drafts = await student.api.get<ExhibitListResponse>(
        `${MuseumRoute.search}?q=${encodeURIComponent('草稿')}`,
      );
      expect(drafts.body.items).toEqual([]);
      const badSector = await student.api.get<ErrorBody>(`${MuseumRoute.search}?keySector=moon`);
      expect(badSector.status).toBe(400);
      expect(badSector.body.details?.[0]?.field).toBe('keySector');
      const tags = await student.api.get<TagListResponse>(MuseumRoute.tags);
      expect(tags.body.items[0]).toEqual({ tag: '航天', count: 3 });
    });
  });

  describe('following a hall', () => {
    it('puts a new exhibit in the inbox of each follower, once', async () => {
      const follow = routePath(MuseumRoute.hallFollow, { id: hall.id });
      expect((await student.api.put<FollowResponse>(follow)).body).toEqual({
        following: true,
        followerCount: 1,
      });
      expect((await student.api.put<FollowResponse>(follow)).body).toEqual({
        following: true,
        followerCount: 1,
      });
      const listed = await student.api.get<HallListResponse>(MuseumRoute.halls);
      expect(listed.body.items[0]).toMatchObject({ following: true, followerCount: 1 });

      const published = await admin.api.post<PublishExhibitResponse>(
        routePath(MuseumRoute.admin.exhibitPublish, { id: draft.id }),
      );
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'published', notifiedFollowers: 1 });
      const inbox = await student.api.get<NotificationListResponse>('me/notifications');
      const entries = inbox.body.items.filter((item) => item.kind === 'museum_new_exhibit');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        title: '「星辰大海厅」上新：尚未发布的展品',
        page: `subpackages/museum/pages/exhibit/index?id=${draft.id}`,
      });

      // Withdrawn and published again: followers are not told twice.
      await admin.api.post(routePath(MuseumRoute.admin.exhibitUnpublish, { id: draft.id }));
      expect((await student.api.get(exhibitPath(draft.id))).status).toBe(404);
      const again = await admin.api.post<PublishExhibitResponse>(
        routePath(MuseumRoute.admin.exhibitPublish, { id: draft.id }),
      );
      expect(again.body.notifiedFollowers).toBe(0);
      const later = await student.api.get<NotificationListResponse>('me/notifications');
      expect(later.body.items.filter((item) => item.kind === 'museum_new_exhibit')).toHaveLength(1);

      expect((await student.api.delete<FollowResponse>(follow)).body).toEqual({
        following: false,
        followerCount: 0,
      });
      expect((await student.api.put(routePath(MuseumRoute.hallFollow, { id: draftHall.id }))).status).toBe(
        404,
      );
    });
  });

  describe('the staff CMS', () => {
    it('is closed to students: every write is 403', async () => {
      const attempts = [
        student.api.post(MuseumRoute.admin.halls, { title: '学生的展厅' }),
        student.api.post(MuseumRoute.admin.exhibits, {
          hallId: hall.id,
          title: 'x',
          summary: 'x',
          body: 'x',
        }),
        student.api.post(routePath(MuseumRoute.admin.exhibitPublish, { id: draft.id })),
        student.api.post(routePath(MuseumRoute.admin.exhibitUnpublish, { id: exhibits[0].id })),
        student.api.patch(routePath(MuseumRoute.admin.exhibit, { id: exhibits[0].id }), { title: '改名' }),
        student.api.put(MuseumRoute.admin.hallsOrder, { ids: [hall.id, draftHall.id] }),
        student.api.post(MuseumRoute.admin.preview, { markdown: '# x' }),
        student.api.get(MuseumRoute.admin.halls),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(403);
        expect((response.body as ErrorBody).code).toBe(ErrorCode.Forbidden);
      }
      const counselor = await signIn(t.api, 'counselor');
      expect((await counselor.api.post(MuseumRoute.admin.halls, { title: 'x' })).status).toBe(403);
      expect((await t.api.post(MuseumRoute.admin.halls, { title: 'x' })).status).toBe(401);
    });

    it('validates input, naming the fields', async () => {
      const response = await admin.api.post<ErrorBody>(MuseumRoute.admin.exhibits, {
        hallId: hall.id,
        title: '',
        summary: 'x',
        body: 'x',
        keySector: 'moon',
        videoUrl: 'javascript:alert(1)',
        tags: ['a', 'a'],
        alumni: [{ name: '某', classYear: 1800, employer: 'x', role: 'y' }],
      });
      expect(response.status).toBe(400);
      expect(response.body.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['title', 'keySector', 'videoUrl', 'tags', 'alumni.0.classYear']),
      );
      const unknownHall = await admin.api.post<ErrorBody>(MuseumRoute.admin.exhibits, {
        hallId: '00000000-0000-4000-8000-000000000000',
        title: 'x',
        summary: 'x',
        body: 'x',
      });
      expect(unknownHall.status).toBe(400);
      expect(unknownHall.body.details?.[0]?.field).toBe('hallId');
    });

    it('refuses media of the wrong kind and publishing without a cover', async () => {
      const audio = await upload(admin.api, admin.token, wav(0.5), {
        filename: 'guide.wav',
        type: 'audio/wav',
      });
      const image = await build.image();
      const wrongKinds = await admin.api.post<ErrorBody>(MuseumRoute.admin.exhibits, {
        hallId: hall.id,
        title: 'x',
        summary: 'x',
        body: 'x',
        coverMediaId: audio.body.id,
        audioMediaId: image.id,
        gallery: [{ mediaId: '00000000-0000-4000-8000-000000000000' }],
      });
      expect(wrongKinds.status).toBe(400);
      expect(wrongKinds.body.code).toBe(ErrorCode.MediaReferenceInvalid);
      expect(wrongKinds.body.details?.map((detail) => detail.field).sort()).toEqual([
        'audioMediaId',
        'coverMediaId',
        'gallery.0.mediaId',
      ]);

      const bare = await admin.api.post<AdminExhibitDto>(MuseumRoute.admin.exhibits, {
        hallId: hall.id,
        title: '无封面',
        summary: 'x',
        body: 'x',
      });
      const refused = await admin.api.post<ErrorBody>(
        routePath(MuseumRoute.admin.exhibitPublish, { id: bare.body.id }),
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: ErrorCode.MuseumContentIncomplete,
        message: '发布前请补充：coverMediaId',
      });
      const bareHall = await build.hall('无封面展厅', { publish: false, cover: false });
      expect(
        (await admin.api.post(routePath(MuseumRoute.admin.hallPublish, { id: bareHall.id }))).status,
      ).toBe(409);
    });

    it('edits an exhibit with audio, gallery and tags, and renders hostile Markdown as text', async () => {
      const audio = await upload(admin.api, admin.token, wav(1), {
        filename: 'guide.wav',
        type: 'audio/wav',
      });
      const photo = await build.image('#2f855a');
      const edited = await admin.api.patch<AdminExhibitDto>(
        routePath(MuseumRoute.admin.exhibit, { id: exhibits[2].id }),
        {
          body: '正文 <script>alert(1)</script> [链接](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n![](/api/media/../x.png)',
          audioMediaId: audio.body.id,
          transcript: '讲解词',
          gallery: [{ mediaId: photo.id, caption: '发射场' }],
          tags: ['深空', '航天'],
          videoUrl: 'https://video.example.edu.cn/deep-space',
        },
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        markdown: expect.stringContaining('<script>'),
        audioGuide: { media: { kind: 'audio', durationMs: 1000 }, transcript: '讲解词' },
        gallery: [{ caption: '发射场', media: { id: photo.id } }],
        tags: ['深空', '航天'],
        hasAudio: true,
      });
      const seen = await student.api.get<ExhibitDto>(exhibitPath(exhibits[2].id));
      // Two paragraphs of text: no link, no image, and the markup shown as characters.
      expect(tagsOf(seen.body.body)).toEqual(['p', 'p']);
      expect(JSON.stringify(seen.body.body)).toContain('<script>alert(1)</script>');
      expect(JSON.stringify(seen.body.body)).not.toMatch(/"(href|src)"/);

      const preview = await admin.api.post<PreviewMarkdownResponse>(MuseumRoute.admin.preview, {
        markdown: '**粗体** <b>标签</b>',
      });
      expect(preview.body.body).toEqual([
        {
          name: 'p',
          attrs: { class: 'md-p' },
          children: [
            { name: 'strong', attrs: { class: 'md-strong' }, children: [{ type: 'text', text: '粗体' }] },
            { type: 'text', text: ' <b>标签</b>' },
          ],
        },
      ]);
    });

    it('reorders halls and exhibits, refusing an incomplete order', async () => {
      const halls = (await admin.api.get<{ items: AdminHallDto[] }>(MuseumRoute.admin.halls)).body.items;
      const reversed = halls.map((item) => item.id).reverse();
      const reordered = await admin.api.put<{ items: AdminHallDto[] }>(MuseumRoute.admin.hallsOrder, {
        ids: reversed,
      });
      expect(reordered.status).toBe(200);
      expect(reordered.body.items.map((item) => item.id)).toEqual(reversed);
      const partial = await admin.api.put<ErrorBody>(MuseumRoute.admin.hallsOrder, {
        ids: reversed.slice(1),
      });
      expect(partial.status).toBe(409);
      expect(partial.body.code).toBe(ErrorCode.ReorderMismatch);

      const path = routePath(MuseumRoute.admin.hallExhibits, { id: hall.id });
      const current = (await admin.api.get<ExhibitListResponse>(path)).body.items.map((item) => item.id);
      const order = [current[2], current[0], current[1], ...current.slice(3)];
      const moved = await admin.api.put<ExhibitListResponse>(
        routePath(MuseumRoute.admin.hallExhibitsOrder, { id: hall.id }),
        { ids: order },
      );
      expect(moved.body.items.map((item) => item.id)).toEqual(order);
      const seen = await student.api.get<HallDetailResponse>(hallPath(hall.id));
      expect(seen.body.exhibits[0]?.id).toBe(order[0]);
    });

    it('hides every exhibit of a withdrawn hall', async () => {
      const withdrawn = await admin.api.post<AdminHallDto>(
        routePath(MuseumRoute.admin.hallUnpublish, { id: hall.id }),
      );
      expect(withdrawn.body.status).toBe('draft');
      expect((await student.api.get(hallPath(hall.id))).status).toBe(404);
      expect((await student.api.get(exhibitPath(exhibits[0].id))).status).toBe(404);
      expect((await student.api.get<ExhibitListResponse>(MuseumRoute.myFavourites)).body.items).toEqual([]);
      await admin.api.post(routePath(MuseumRoute.admin.hallPublish, { id: hall.id }));
      expect((await student.api.get(exhibitPath(exhibits[0].id))).status).toBe(200);
    });
  });
});
