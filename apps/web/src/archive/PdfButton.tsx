import { Button, Modal } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { PageLoader } from '../shell/PageLoader';

const PdfViewer = lazy(() => import('../letters/PdfViewer'));

/** A generated or stored PDF, opened in the viewer over the page. */
export function PdfButton({ file, label }: { file: { id: string; filename: string; downloadUrl: string }; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={file.filename} size="xl">
        <Suspense fallback={<PageLoader />}>{open && <PdfViewer key={file.id} url={file.downloadUrl} title={file.filename} />}</Suspense>
      </Modal>
    </>
  );
}
