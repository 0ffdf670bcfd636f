// Generated from @feishu-task/openapi by packages/types/scripts/generate.mjs. Do not edit.
/* eslint-disable */
export interface paths {
    "/open-apis/task/v1/tasks/{task_id}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task ID, as returned in the `id` field of the create-task response (Task v1). The same value
                 *     is a Task v2 `task_guid`.
                 * @example 83912691-2e43-47fc-94a4-d512e03984fa
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add task collaborators
         * @description Adds one or more collaborators (assignees) to a task in one call.
         *
         *     - Only the task's creator and its collaborators may add collaborators; followers may not.
         *     - A task has at most **50** collaborators in all (error 1470429 beyond that).
         *     - Adding users who are all collaborators already fails with 1470431.
         *     - Send the IDs in `id_list`; the single `id` is deprecated.
         *
         *     Note: this page answers 1470403 with HTTP **401**; the remove-collaborator page answers the
         *     same code with HTTP 403. Each operation keeps its own page's status.
         */
        post: operations["addTaskCollaborators"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Task ID, as returned in the `id` field of the create-task response (Task v1). The same value
                 *     is a Task v2 `task_guid`.
                 * @example 83912691-2e43-47fc-94a4-d512e03984fa
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The collaborator's ID: an Open ID or a User ID, as `user_id_type` selects.
                 * @example ou_99e1a581b36ecc4862cbfbce123f346a
                 */
                collaborator_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a task collaborator
         * @description Removes one collaborator (assignee) from a task.
         *
         *     Notes on this page's error table, kept as the page states them:
         *     - 1470403 is HTTP **403** here but 401 on the add-collaborators page;
         *     - 1470450 is HTTP **400** here but 429 on the add-collaborators page, and its message is
         *       `request too fast`.
         *     The scope is the same `task:task`, labelled "查看、创建、编辑和删除飞书任务（历史版本）" here and
         *     "查看、创建、编辑和删除任务（旧版）" on the add page.
         */
        delete: operations["removeTaskCollaborator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open-apis/task/v2/tasklists/{tasklist_guid}/add_members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The globally unique id of the tasklist to add members to.
                 * @example d300a75f-c56a-4be9-80d1-e47653028ceb
                 */
                tasklist_guid: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add tasklist members
         * @description Adds one or more collaborating members to a tasklist. A member is a user, a chat (group) or
         *     an app, each with the role `editor` or `viewer`; a chat as a member gives every member of
         *     the chat that role.
         *
         *     - A member who already has the **same** role is ignored; the call succeeds.
         *     - A member who already has a **different** role gets the requested role (an update).
         *     - A member who is the tasklist's **owner** is ignored; the call succeeds and the owner's role
         *       does not change.
         *     - This endpoint never sets the owner; use the update-tasklist endpoint for that.
         *     - The caller needs edit permission on the tasklist.
         */
        post: operations["addTasklistMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open-apis/auth/v3/tenant_access_token/internal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a tenant_access_token (custom app)
         * @description Exchanges an app's credentials for a `tenant_access_token`. The answer carries the token and
         *     `expire` (seconds, 7200) at the top level, with no `data`. When less than 30 minutes remain
         *     on the current token, the endpoint issues a new one and both stay valid.
         *
         *     This endpoint needs no token and no scope; its rate limit is not on the Task pages.
         */
        post: operations["getTenantAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description User ID type. 用户 ID 类型。
         * @default open_id
         * @enum {string}
         */
        UserIdType: "open_id" | "union_id" | "user_id";
        /** @description Task collaborators (assignees) of a Task v1 task. 任务执行者。 */
        Collaborator: {
            /**
             * @deprecated
             * @description **Deprecated.** One collaborator's ID (a `user_id` or `open_id`, as chosen by
             *     `user_id_type`). Kept for compatibility with the early API that added one person per
             *     call; use `id_list` instead.
             * @example ou_99e1a581b36ecc4862cbfbce473f1234
             */
            id?: string;
            /**
             * @description The collaborators' user IDs (`user_id` or `open_id`, as chosen by `user_id_type`).
             *     A task has at most 50 collaborators in all.
             * @example [
             *       "ou_99e1a581b36ecc4862cbfbce473f3123"
             *     ]
             * @example [
             *       "ou_550cc75233d8b7b9fcbdad65f34433f4",
             *       "ou_d1e9d27cf3235b40ca9a67c67ef088b0"
             *     ]
             */
            id_list?: string[];
        };
        /**
         * @description Optional details the platform attaches to some error answers. Fields vary by error; unknown
         *     fields may appear and must be tolerated.
         */
        ErrorDetail: {
            /** @description The request's log id (the same value as the `X-Tt-Logid` header). */
            log_id?: string;
            /** @description A link to the platform's troubleshooting page for this error. */
            troubleshooter?: string;
            message?: string;
            field_violations?: {
                field?: string;
                value?: string;
                description?: string;
            }[];
            permission_violations?: {
                type?: string;
                subject?: string;
                description?: string;
            }[];
            helps?: {
                url?: string;
                description?: string;
            }[];
        };
        /**
         * @description The envelope of every failed call: a non-zero `code`, a message, and optionally an `error`
         *     object with details.
         */
        ErrorEnvelope: {
            /** @description Error code, non-zero on failure. 错误码，非 0 表示失败。 */
            code: number;
            /** @description Error description. 错误描述。 */
            msg: string;
            error?: components["schemas"]["ErrorDetail"];
        };
        /**
         * @description A member to add to a tasklist: a user, a chat (group; every member of the chat gets the
         *     role) or an app, with the role `editor` or `viewer`.
         *
         *     Note: the page marks `id` as optional ("否"); a member without an id names nobody, so this
         *     description requires it.
         */
        MemberInput: {
            /**
             * @description The member's id: for `user` an ID of the kind `user_id_type` selects (for example an
             *     open_id), for `chat` an Open Chat ID (`oc_...`), for `app` an app ID (`cli_...`).
             * @example ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f
             */
            id: string;
            /**
             * @description The member's kind: `user` (a person), `chat` (a group), `app` (an app).
             * @default user
             * @example user
             * @enum {string}
             */
            type?: "user" | "chat" | "app";
            /**
             * @description The member's role: `editor` (may edit) or `viewer` (may read). Default `viewer`. The owner
             *     role cannot be set through this field.
             * @default viewer
             * @example editor
             * @enum {string}
             */
            role?: "editor" | "viewer";
        };
        /** @description A member of a tasklist, as the server returns it. 清单成员。 */
        Member: {
            /** @description The member's id. 表示 member 的 id。 */
            id: string;
            /**
             * @description The member's kind. 成员的类型。
             * @enum {string}
             */
            type: "user" | "chat" | "app";
            /**
             * @description The member's role. Besides the settable `editor` and `viewer`, the creator is returned with
             *     `creator` and the owner with `owner` (as in the page's example).
             * @enum {string}
             */
            role: "editor" | "viewer" | "owner" | "creator";
        };
        /** @description A tasklist after the update. 完成更新后的清单实体。 */
        Tasklist: {
            /** @description The tasklist's globally unique id. 清单的全局唯一 ID。 */
            guid: string;
            /** @description The tasklist's name. 清单名。 */
            name?: string;
            /** @description The tasklist's creator. 清单创建者。 */
            creator?: components["schemas"]["Member"];
            /** @description The tasklist's owner. 清单所有者。 */
            owner?: components["schemas"]["Member"];
            /** @description The tasklist's collaborating members. 清单协作成员。 */
            members?: components["schemas"]["Member"][];
            /**
             * Format: uri
             * @description The tasklist's share applink. 该清单分享的 applink。
             */
            url?: string;
            /** @description Creation time, a millisecond Unix timestamp as a string. 清单创建时间戳（ms）。 */
            created_at?: string;
            /** @description Last update time, a millisecond Unix timestamp as a string. 清单最后一次更新时间戳（ms）。 */
            updated_at?: string;
        };
    };
    responses: {
        /**
         * @description Rate limited by the platform gateway (HTTP 429, code 99991400). Limits apply per API, per app,
         *     per tenant; where an operation has two quotas, either one triggers.
         */
        PlatformRateLimited: {
            headers: {
                "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                "x-ogw-ratelimit-limit": components["headers"]["x-ogw-ratelimit-limit"];
                "x-ogw-ratelimit-reset": components["headers"]["x-ogw-ratelimit-reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Which kind of user ID the request and the response use. Default `open_id`.
         *     `user_id` additionally needs the field scope `contact:user.employee_id:readonly`
         *     ("获取用户 user ID").
         * @example open_id
         */
        UserIdTypeV1: components["schemas"]["UserIdType"];
        /**
         * @description Which kind of user ID the request and the response use (for members whose `type` is `user`).
         *     Default `open_id`. The tasklist page gives only the default and the example `open_id`; the
         *     values listed are the platform-wide ones the Task v1 pages enumerate.
         * @example open_id
         */
        UserIdTypeV2: components["schemas"]["UserIdType"];
        /**
         * @description Task ID, as returned in the `id` field of the create-task response (Task v1). The same value
         *     is a Task v2 `task_guid`.
         * @example 83912691-2e43-47fc-94a4-d512e03984fa
         */
        TaskId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The request's log id. Quote it when asking Feishu support about a failed request; the client
         *     puts it on every error it raises.
         * @example 20231109163852C7E6E0C5A8D9F4A31B5E
         */
        "X-Tt-Logid": string;
        /**
         * @description The quota of the rate-limit window that was exceeded (requests per window).
         * @example 100
         */
        "x-ogw-ratelimit-limit": number;
        /**
         * @description Seconds until the rate-limit window resets; wait at least this long before retrying.
         * @example 3
         */
        "x-ogw-ratelimit-reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    addTaskCollaborators: {
        parameters: {
            query?: {
                /**
                 * @description Which kind of user ID the request and the response use. Default `open_id`.
                 *     `user_id` additionally needs the field scope `contact:user.employee_id:readonly`
                 *     ("获取用户 user ID").
                 * @example open_id
                 */
                user_id_type?: components["parameters"]["UserIdTypeV1"];
            };
            header?: never;
            path: {
                /**
                 * @description Task ID, as returned in the `id` field of the create-task response (Task v1). The same value
                 *     is a Task v2 `task_guid`.
                 * @example 83912691-2e43-47fc-94a4-d512e03984fa
                 */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        /**
         * @description The collaborators to add. The page's header table fixes `Content-Type` to
         *     `application/json; charset=utf-8`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["Collaborator"];
            };
        };
        responses: {
            /** @description The collaborators after the call. 返回创建成功后的任务执行者列表。 */
            200: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description 0 on success. 错误码，非 0 表示失败。
                         * @constant
                         */
                        code: 0;
                        /** @description 错误描述 */
                        msg: string;
                        data: {
                            collaborator: components["schemas"]["Collaborator"];
                        };
                    };
                };
            };
            /** @description Invalid task, refused, limits reached, or an access-token problem. */
            400: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The identity token is of the wrong kind (this page answers 1470403 with 401). */
            401: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /**
             * @description Too many requests: the Task service's own limit (1470450, HTTP 429 on this page) or the
             *     platform gateway's (99991400).
             */
            429: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    "x-ogw-ratelimit-limit": components["headers"]["x-ogw-ratelimit-limit"];
                    "x-ogw-ratelimit-reset": components["headers"]["x-ogw-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The server failed to add the collaborators. */
            500: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeTaskCollaborator: {
        parameters: {
            query?: {
                /**
                 * @description Which kind of user ID the request and the response use. Default `open_id`.
                 *     `user_id` additionally needs the field scope `contact:user.employee_id:readonly`
                 *     ("获取用户 user ID").
                 * @example open_id
                 */
                user_id_type?: components["parameters"]["UserIdTypeV1"];
            };
            header?: never;
            path: {
                /**
                 * @description Task ID, as returned in the `id` field of the create-task response (Task v1). The same value
                 *     is a Task v2 `task_guid`.
                 * @example 83912691-2e43-47fc-94a4-d512e03984fa
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The collaborator's ID: an Open ID or a User ID, as `user_id_type` selects.
                 * @example ou_99e1a581b36ecc4862cbfbce123f346a
                 */
                collaborator_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaborator was removed; `data` is empty. */
            200: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description 0 on success. 错误码，非 0 表示失败。
                         * @constant
                         */
                        code: 0;
                        /** @description 错误描述 */
                        msg: string;
                        data: Record<string, never>;
                    };
                };
            };
            /** @description Invalid task, refused, throttled for this task, or an access-token problem. */
            400: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The identity token is of the wrong kind (this page answers 1470403 with 403). */
            403: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The collaborator was not found on the task. */
            404: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["PlatformRateLimited"];
            /** @description The server failed to remove the collaborator. */
            500: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addTasklistMembers: {
        parameters: {
            query?: {
                /**
                 * @description Which kind of user ID the request and the response use (for members whose `type` is `user`).
                 *     Default `open_id`. The tasklist page gives only the default and the example `open_id`; the
                 *     values listed are the platform-wide ones the Task v1 pages enumerate.
                 * @example open_id
                 */
                user_id_type?: components["parameters"]["UserIdTypeV2"];
            };
            header?: never;
            path: {
                /**
                 * @description The globally unique id of the tasklist to add members to.
                 * @example d300a75f-c56a-4be9-80d1-e47653028ceb
                 */
                tasklist_guid: string;
            };
            cookie?: never;
        };
        /**
         * @description The members to add. The page's header table fixes `Content-Type` to
         *     `application/json; charset=utf-8`.
         */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The members to add, 1 to 500. 要添加的成员列表。 */
                    members: components["schemas"]["MemberInput"][];
                };
            };
        };
        responses: {
            /** @description The tasklist after the update. 完成更新后的清单实体。 */
            200: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description 0 on success. 错误码，非 0 表示失败。
                         * @constant
                         */
                        code: 0;
                        /** @description 错误描述 */
                        msg: string;
                        data: {
                            tasklist: components["schemas"]["Tasklist"];
                        };
                    };
                };
            };
            /** @description Invalid request, member limit reached, or an access-token problem. */
            400: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The caller may not edit the tasklist. */
            403: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The tasklist does not exist or was deleted (1470404 is HTTP 404 here, 400 on Task v1). */
            404: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["PlatformRateLimited"];
            /** @description Server error. */
            500: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getTenantAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The app's ID (`cli_...`).
                     * @example cli_slkdjalasdkjasd
                     */
                    app_id: string;
                    /**
                     * Format: password
                     * @description The app's secret. Never log it.
                     * @example dskLLdkasdjlasdKK
                     */
                    app_secret: string;
                };
            };
        };
        responses: {
            /** @description A tenant_access_token and its lifetime. */
            200: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        code: 0;
                        msg: string;
                        /** @description The tenant token; send it as `Authorization Bearer <token>`. */
                        tenant_access_token: string;
                        /** @description Seconds until the token expires (7200 for a new token). */
                        expire: number;
                    };
                };
            };
            /** @description The credentials were missing or wrong. */
            400: {
                headers: {
                    "X-Tt-Logid": components["headers"]["X-Tt-Logid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
