/**
 * A multipart/form-data body for `app.inject`, as a browser's form would send it: files (CSV text
 * as text/csv, workbook bytes as an .xlsx) and text fields. Files come first unless `fieldsFirst`:
 * the server reads either order.
 */
export interface UploadFile {
  readonly name: string;
  readonly text?: string;
  readonly bytes?: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const multipartBody = (
  files: Readonly<Record<string, UploadFile>>,
  fields: Readonly<Record<string, string>> = {},
  { fieldsFirst = false }: { readonly fieldsFirst?: boolean } = {},
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = '----planner-test-boundary';
  const fileChunks = Object.entries(files).flatMap(([part, file]) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part}"; filename="${file.name}"\r\nContent-Type: ${file.bytes === undefined ? 'text/csv' : XLSX_TYPE}\r\n\r\n`),
    file.bytes ?? Buffer.from(file.text ?? ''),
    Buffer.from('\r\n'),
  ]);
  const fieldChunks = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const chunks = fieldsFirst ? [...fieldChunks, ...fileChunks] : [...fileChunks, ...fieldChunks];
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
