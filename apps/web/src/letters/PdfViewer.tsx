import { Button, Group, Text } from '@mantine/core';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

GlobalWorkerOptions.workerSrc = workerUrl;

/** One page at a time of a PDF, drawn by pdf.js to fit the width of its column. */
export default function PdfViewer({ url, title }: { url: string; title: string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(0);

  // The download URL is signed anew on every fetch of the letter; the file stays the same (callers key this by file).
  const [source] = useState(url);

  // React's StrictMode (development) runs each effect, its cleanup and the effect again: a destroyed loading task
  // rejects its promise and a destroyed document refuses getPage, and neither may reach the screen.
  useEffect(() => {
    let alive = true;
    const task = getDocument({ url: source });
    task.promise.then(
      (doc) => {
        if (alive) setPdf(doc);
      },
      (e: Error) => {
        if (alive) setError(e.message);
      },
    );
    return () => {
      alive = false;
      setPdf(null);
      void task.destroy();
    };
  }, [source]);

  // pdf.js refuses a second render on a canvas until the first has settled; cancelling settles it asynchronously.
  const lastRender = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    let render: { cancel(): void } | null = null;
    const previous = lastRender.current;
    const drawn = (async () => {
      await previous;
      const p = await pdf.getPage(page);
      const el = canvas.current;
      if (cancelled || !el) return;
      const width = el.parentElement?.clientWidth ?? 600;
      const viewport = p.getViewport({ scale: 1 });
      const scaled = p.getViewport({ scale: (width / viewport.width) * (window.devicePixelRatio || 1) });
      el.width = scaled.width;
      el.height = scaled.height;
      el.style.width = '100%';
      const task = p.render({ canvas: el, viewport: scaled });
      render = task;
      await task.promise;
      if (!cancelled) setRendered(page);
    })().catch(() => undefined);
    lastRender.current = drawn;
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [pdf, page]);

  if (error) return <Text c="red">{error}</Text>;
  return (
    <div>
      <canvas
        ref={canvas}
        role="img"
        aria-label={title}
        data-testid="pdf-canvas"
        data-rendered-page={rendered || undefined}
        style={{ border: '1px solid var(--mantine-color-gray-3)' }}
      />
      {pdf && pdf.numPages > 1 && (
        <Group justify="center" mt="xs">
          <Button
            size="compact-sm"
            variant="default"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
            aria-label={t('letter.prevPage')}
          >
            ‹
          </Button>
          <Text size="sm">{t('letter.pages', { page, pages: pdf.numPages })}</Text>
          <Button
            size="compact-sm"
            variant="default"
            disabled={page >= pdf.numPages}
            onClick={() => setPage(page + 1)}
            aria-label={t('letter.nextPage')}
          >
            ›
          </Button>
        </Group>
      )}
    </div>
  );
}
