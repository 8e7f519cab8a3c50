/**
 * A repository path in a link destination (`--link-base URL` + path + `#L12`): each segment
 * percent-encoded, `(`, `)`, `'`, `!`, `*` too (a `)` would end a Markdown link early).
 */
export function urlPath(file: string): string {
    return file.split('/').map(segment => encodeURIComponent(segment).replace(/[()'!*]/g, ch => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** `base/path#Lline`, the base's trailing slash dropped. */
export function lineUrl(linkBase: string, file: string, line: number): string {
    return `${linkBase.replace(/\/$/, '')}/${urlPath(file)}#L${line}`;
}
