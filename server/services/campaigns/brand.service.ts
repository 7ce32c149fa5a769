import { In } from 'typeorm';
import { Role } from '#shared/roles';
import { Brand, BrandMember, User } from '../../entities';
import { authorize } from '../auth/access';
import { NotFoundError, ValidationError } from '../errors';
import { loadByIds } from '../load-by-ids';
import type { RequestContext } from '../request-context';

/** The brands a request's viewer manages, read once per request. */
const memberships = new WeakMap<RequestContext, Promise<ReadonlySet<number>>>();

/** Brand ids the viewer is a member of (empty for anonymous callers and the system). */
export function brandIdsOf(ctx: RequestContext): Promise<ReadonlySet<number>> {
  const viewer = ctx.viewer;
  if (!viewer) return Promise.resolve(new Set());
  let found = memberships.get(ctx);
  if (!found) {
    found = ctx.db.reader
      .getRepository(BrandMember)
      .findBy({ userId: viewer.userId })
      .then((rows) => new Set(rows.map((r) => r.brandId)));
    memberships.set(ctx, found);
  }
  return found;
}

/** True when the viewer may act for this brand: the system, an ADMIN, or one of its managers. */
export async function managesBrand(ctx: RequestContext, brandId: number): Promise<boolean> {
  if (ctx.system || ctx.viewer?.role === Role.ADMIN) return true;
  if (ctx.viewer?.role !== Role.BRAND_MANAGER) return false;
  return (await brandIdsOf(ctx)).has(brandId);
}

/** True when the viewer may read this brand's campaigns and reports: managers, ADMINs and ANALYSTs. */
export async function readsBrand(ctx: RequestContext, brandId: number): Promise<boolean> {
  return ctx.viewer?.role === Role.ANALYST || managesBrand(ctx, brandId);
}

/** Brands and who manages them. Creating brands and adding managers is an ADMIN's job. */
export class BrandService {
  async create(ctx: RequestContext, name: string): Promise<Brand> {
    authorize(ctx, 'createBrand');
    const clean = name.trim();
    if (clean.length < 1 || clean.length > 200) throw new ValidationError([{ field: 'name', message: 'must be 1 to 200 characters' }]);
    return ctx.db.transaction(async (m) => {
      const repo = m.getRepository(Brand);
      if (await repo.existsBy({ name: clean })) throw new ValidationError([{ field: 'name', message: 'is already the name of a brand' }]);
      return repo.save(repo.create({ name: clean, createdAt: new Date() }));
    });
  }

  /** Makes a BRAND_MANAGER user a manager of the brand (idempotent). */
  async addManager(ctx: RequestContext, brandId: number, userId: number): Promise<Brand> {
    authorize(ctx, 'addBrandManager');
    return ctx.db.transaction(async (m) => {
      const brand = await m.getRepository(Brand).findOneBy({ id: brandId });
      if (!brand) throw new NotFoundError('Brand', 'brandId');
      const user = await m.getRepository(User).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('User', 'userId');
      if (user.role !== Role.BRAND_MANAGER) throw new ValidationError([{ field: 'userId', message: 'must be a user with the role BRAND_MANAGER' }]);
      await m.createQueryBuilder().insert().into(BrandMember).values({ brandId, userId }).orIgnore().execute();
      return brand;
    });
  }

  /** The brands the viewer may see: all for ADMINs and ANALYSTs, their own for managers, none otherwise. */
  async visible(ctx: RequestContext): Promise<Brand[]> {
    const repo = ctx.db.reader.getRepository(Brand);
    if (ctx.system || ctx.viewer?.role === Role.ADMIN || ctx.viewer?.role === Role.ANALYST) return repo.find({ order: { name: 'ASC' } });
    const ids = [...(await brandIdsOf(ctx))];
    return ids.length ? (await loadByIds(repo, ids)).filter((b): b is Brand => !!b).sort((a, b) => a.name.localeCompare(b.name)) : [];
  }

  /** Brands by id, undefined where missing or not visible to the viewer. */
  async byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Brand | undefined)[]> {
    const rows = await loadByIds(ctx.db.reader.getRepository(Brand), ids);
    return Promise.all(rows.map(async (b) => (b && (await readsBrand(ctx, b.id)) ? b : undefined)));
  }

  /** The brands a user manages, by name. */
  async ofUser(ctx: RequestContext, userId: number): Promise<Brand[]> {
    const ids = (await ctx.db.reader.getRepository(BrandMember).findBy({ userId })).map((m) => m.brandId);
    return ids.length ? (await ctx.db.reader.getRepository(Brand).findBy({ id: In(ids) })).sort((a, b) => a.name.localeCompare(b.name)) : [];
  }

  /** Managers of each brand (for ADMINs; the API shows this field to them only). */
  async managers(ctx: RequestContext, brandIds: readonly number[]): Promise<Map<number, User[]>> {
    const out = new Map<number, User[]>(brandIds.map((id) => [id, []]));
    if (!brandIds.length) return out;
    const rows = await ctx.db.reader.getRepository(BrandMember).find({ where: brandIds.map((brandId) => ({ brandId })), relations: { user: true } });
    for (const r of rows) if (r.user) out.get(r.brandId)?.push(r.user);
    return out;
  }
}
