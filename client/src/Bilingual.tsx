/** A label in Chinese with its English beside it, e.g. 模板 Templates. */
export function Bilingual({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      <span lang="zh-CN">{zh}</span>{' '}
      <span className="en" lang="en">
        {en}
      </span>
    </>
  );
}
