import type { Metadata } from 'next';
import Image from 'next/image';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { listMedia } from '@/lib/media/library';
import { MAX_LONG_SIDE, MAX_UPLOAD_BYTES } from '@/lib/media/upload';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../staff';
import { deleteMediaAction } from './actions';
import { MediaDetailsForm } from './media-details-form.client';
import { UploadForm } from './upload-form.client';

export const metadata: Metadata = { title: 'Media library', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const pageSize = 24;

function size(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export default async function MediaPage({ searchParams }: Props) {
  await requireStaff('/admin/media');
  const query = await searchParams;
  const page = Number(firstParam(query.page) ?? 1);
  const library = await listMedia({ page, pageSize });
  return (
    <div>
      <h1 className="font-serif text-4xl font-semibold">Media library</h1>

      <section
        aria-labelledby="upload-heading"
        className="mt-8 max-w-2xl rounded border border-rule bg-white p-6"
      >
        <h2 id="upload-heading" className="font-serif text-2xl font-semibold">
          Upload an image
        </h2>
        <div className="mt-4">
          <UploadForm maxBytes={MAX_UPLOAD_BYTES} maxLongSide={MAX_LONG_SIDE} />
        </div>
      </section>

      <section aria-labelledby="library-heading" className="mt-12">
        <h2 id="library-heading" className="font-serif text-2xl font-semibold">
          Images
        </h2>
        <p className="mt-2 text-sm text-muted">
          {library.total === 1 ? '1 image' : `${library.total} images`}, newest first. An image
          still used by an article or an expert cannot be deleted.
        </p>
        {query.deleted === '1' && (
          <p role="status" className="mt-4 rounded border border-navy bg-white px-4 py-3 text-navy">
            Image deleted.
          </p>
        )}
        {library.items.length === 0 ? (
          <div className="mt-6">
            <EmptyState title="No images yet">Upload the first one above.</EmptyState>
          </div>
        ) : (
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {library.items.map((item) => (
              <li key={item.id} className="rounded border border-rule bg-white p-4">
                <figure>
                  <Image
                    src={item.url}
                    alt={item.alt}
                    width={item.width}
                    height={item.height}
                    sizes="(min-width: 1024px) 320px, (min-width: 640px) 50vw, 100vw"
                    className="h-48 w-full rounded-sm object-cover"
                  />
                  <figcaption className="mt-2 text-xs text-muted">
                    <span data-testid="media-size">
                      {item.width} × {item.height} pixels
                    </span>
                    , {size(item.bytes)}, {item.mimeType.replace('image/', '').toUpperCase()}
                  </figcaption>
                </figure>
                <div className="mt-4">
                  <MediaDetailsForm id={item.id} alt={item.alt} credit={item.credit ?? ''} />
                </div>
                <div className="mt-4 border-t border-rule pt-4">
                  <DeleteForm
                    action={deleteMediaAction}
                    id={item.id}
                    label="Delete image"
                    context={`“${item.alt}”`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={library.page} pageCount={library.pageCount} basePath="/admin/media" />
      </section>
    </div>
  );
}
