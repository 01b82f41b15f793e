// Vite's `?url` imports give the built asset's URL (used for pdf.js's worker script).
declare module '*?url' {
  const url: string;
  export default url;
}
