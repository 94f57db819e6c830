/**
 * Everything Okta can read from one connector, as the exact response bodies: every page of Users and Groups,
 * every user and group by id, and the discovery documents. Two snapshots are equal when Okta could not tell the
 * two gateways apart (used around faults, restores and shutdowns: "served data unchanged").
 */
export async function scimSnapshot(baseUrl: string, authorization: string): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body}`);
    return `${path} ${response.headers.get("etag") ?? ""}\n${body}`;
  };
  const bodies: string[] = [];
  for (const type of ["Users", "Groups"]) {
    const ids: string[] = [];
    for (let start = 1; ; start += 100) {
      const page = await get(`/${type}?startIndex=${start}&count=100`);
      bodies.push(page);
      const resources = (JSON.parse(page.slice(page.indexOf("\n") + 1)) as { Resources: { id: string }[] }).Resources;
      ids.push(...resources.map((resource) => resource.id));
      if (resources.length < 100) break;
    }
    for (const id of ids) bodies.push(await get(`/${type}/${id}`));
  }
  for (const path of ["/ServiceProviderConfig", "/ResourceTypes", "/Schemas"]) bodies.push(await get(path));
  return bodies;
}
