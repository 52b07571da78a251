// Reads a file the operator chose, through FileReader (the oldest and most widely implemented way: jsdom, which
// runs the component tests, has it but not Blob.text()).

function read<T>(file: Blob, start: (r: FileReader) => void, take: (r: FileReader) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(take(reader));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    start(reader);
  });
}

/** The file's text (UTF-8). */
export function readText(file: Blob): Promise<string> {
  return read(file, (r) => r.readAsText(file), (r) => String(r.result));
}

/** The file's bytes. */
export function readBytes(file: Blob): Promise<Uint8Array> {
  return read(file, (r) => r.readAsArrayBuffer(file), (r) => new Uint8Array(r.result as ArrayBuffer));
}
