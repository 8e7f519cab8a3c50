/**
 * Hostile user text for the injection tests: each payload tries to escape its place in one of
 * the outputs (a terminal line, a GitHub Actions log, a markdown list item, an HTML page, an SVG).
 */
export const PAYLOADS: readonly string[] = [
    // Line breaks of every kind.
    'lone\rCR then text',
    'crlf\r\nsecond line',
    'lf\nsecond line',
    'break\n- a fake list item',
    'break\r# a fake heading',
    'separators\u2028LS\u2029PS\u0085NEL',
    'tab\tvt\vff\fbs\bend',
    // Mentions and references that would notify someone from a pull-request comment.
    '@octocat please look',
    '@github/security-team ping',
    'cc @org/team-name and user@example.com',
    'fixes #123 and owner/repo#45',
    // GitHub Actions workflow commands.
    '\n::error ::injected error',
    '::error file=x.journey,line=1::boom',
    '::set-output name=x::y',
    '%0A::warning ::percent-encoded break %25 %0D',
    '::add-mask::secret',
    '::stop-commands::token',
    '  ::notice ::indented',
    // Bidi controls (Trojan Source) and invisible characters.
    '\u202Eevil\u202C txt.exe',
    'isolate \u2067rtl\u2069 marks \u200E\u200F\u061C end',
    'zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom\u2060wj',
    // HTML and script.
    '<script>window.pwned=1</script>',
    '<img src=x onerror="window.pwned=1">',
    '<svg onload="window.pwned=1"></svg>',
    '</text></svg><script>window.pwned=1</script>',
    '<a href="javascript:window.pwned=1">click</a>',
    '<!-- comment --> <![CDATA[x]]>',
    '&amp; &lt;b&gt; &#64;user &#x40;team &#x202E;',
    '<style>*{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>',
    // Links and images in markdown.
    'javascript:window.pwned=1',
    '[click](javascript:window.pwned=1)',
    '![image](https://evil.example/x.png)',
    '[ref]: https://evil.example "title"',
    'see https://example.com/a_b*c*_(d)?q=1&r=2 here',
    'www.example.com/path_with_underscores',
    '<https://example.com/autolink>',
    'ftp://files.example/x_y.',
    // Markdown structure.
    '`code` and ``double``',
    '| a | b |\n|---|---|\n| c | d |',
    '**bold** _em_ ~~strike~~ __strong__',
    '# heading',
    '> quote',
    '- [ ] task',
    '1. ordered',
    '$x^2$ math',
    ':smile: :+1:',
    'back\\slash \\n \\\\ \\',
    // Terminal escape sequences and control characters.
    '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
    'NUL\u0000inside',
    '\u009b31mC1 CSI\u0090DCS',
    // Templates, quotes, Unicode.
    '{{constructor}} ${process.exit(1)} \'single\' "double"',
    '\uD83D\uDE00 emoji and combining e\u0301',
    // A very long string.
    `long ${'x'.repeat(20_000)} end`,
];

/** A string literal of the journey language holding exactly `text`. */
export function journeyString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * One journey whose step `p<i>` carries payload i. Without payloads the steps have plain titles;
 * with them, the title, a pain (with no opportunity, so `check` quotes it in a diagnostic) and a note.
 */
export function corpusJourney(withPayloads: boolean, payloads: readonly string[] = PAYLOADS): string {
    const lines = ['persona p "P"', `journey j ${withPayloads ? journeyString('<script>window.pwned=1</script>') : '"J"'} for p {`, '  stage s "S" {'];
    payloads.forEach((payload, i) => {
        lines.push(`    step p${i} ${withPayloads ? journeyString(payload) : `"P${i}"`} {`, '      emotion 0');
        if (withPayloads) lines.push(`      pain ${journeyString(payload)}`, `      note ${journeyString(payload)}`);
        lines.push('    }');
    });
    lines.push('  }', '}', '');
    return lines.join('\n');
}
