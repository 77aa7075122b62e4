/** A CSV export: the streamed rows and the file name the download gets. */
export type CsvFile = { body: ReadableStream<Uint8Array>; fileName: string };
