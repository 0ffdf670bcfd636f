// Generated from @feishu-task/openapi by packages/types/scripts/generate.mjs. Do not edit.

/** The deployments, from the spec's servers. */
export const servers = {
  "feishu": "https://open.feishu.cn",
  "lark": "https://open.larksuite.com"
} as const;

/** Every operation: method, path template, rate limit (x-feishu-rate-limit), scopes, array limits. */
export const operations = {
  "addTaskCollaborators": {
    "method": "POST",
    "path": "/open-apis/task/v1/tasks/{task_id}/collaborators",
    "rateLimit": {
      "perMinute": 100,
      "perSecond": null
    },
    "scopes": [
      "task:task"
    ],
    "arrayLimits": {}
  },
  "removeTaskCollaborator": {
    "method": "DELETE",
    "path": "/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}",
    "rateLimit": {
      "perMinute": 1000,
      "perSecond": 50
    },
    "scopes": [
      "task:task"
    ],
    "arrayLimits": {}
  },
  "addTasklistMembers": {
    "method": "POST",
    "path": "/open-apis/task/v2/tasklists/{tasklist_guid}/add_members",
    "rateLimit": {
      "perMinute": 1000,
      "perSecond": 50
    },
    "scopes": [
      "task:tasklist:write"
    ],
    "arrayLimits": {
      "members": {
        "minItems": 1,
        "maxItems": 500
      }
    }
  },
  "getTenantAccessToken": {
    "method": "POST",
    "path": "/open-apis/auth/v3/tenant_access_token/internal",
    "rateLimit": {
      "perMinute": null,
      "perSecond": null
    },
    "scopes": [],
    "arrayLimits": {}
  }
} as const;

/** Each operation's documented errors by code: HTTP status, example name, kind, message, advice. */
export const errors = {
  "addTaskCollaborators": {
    "1470403": {
      "status": 401,
      "name": "IdentityTokenIncorrect",
      "kind": "auth",
      "message": "The identity token is incorrect. It should be either user_access_token or tenant_access_token.",
      "advice": "The caller's identity token is wrong; it must be a user_access_token or a tenant_access_token."
    },
    "1470404": {
      "status": 400,
      "name": "TaskUpdateRefused",
      "kind": "permission",
      "message": "Be refused to update task, possibly due to lack of permission.",
      "advice": "Usually the caller lacks permission for the operation; for example, a task's followers may not change it."
    },
    "1470429": {
      "status": 400,
      "name": "CollaboratorLimitExceeded",
      "kind": "validation",
      "message": "The total number of collaborators exceeds the maximum number limit.",
      "advice": "The total number of collaborators exceeds the limit; a task has at most 50 collaborators."
    },
    "1470431": {
      "status": 400,
      "name": "AlreadyCollaborators",
      "kind": "conflict",
      "message": "Users are all collaborators of tasks.",
      "advice": "The users are already collaborators of the task and cannot be added again."
    },
    "1470450": {
      "status": 429,
      "name": "TooManyRequests",
      "kind": "rate_limit",
      "message": "There are too many requests currently, please try again later.",
      "advice": "Too many requests at once caused throttling; retry later."
    },
    "1470451": {
      "status": 400,
      "name": "TaskRequestsTooFrequent",
      "kind": "rate_limit",
      "message": "Operation requests for the same task are too frequent.",
      "advice": "Requests for the same task are too frequent; lower their rate."
    },
    "1470602": {
      "status": 400,
      "name": "InvalidTaskId",
      "kind": "validation",
      "message": "Invalid task id.",
      "advice": "Check that the task id is valid."
    },
    "1470701": {
      "status": 500,
      "name": "AddCollaboratorFailed",
      "kind": "server",
      "message": "Failed to add task collaborator.",
      "advice": "Adding the collaborator failed; if retrying does not help, contact Feishu support."
    },
    "99991400": {
      "status": 429,
      "name": "PlatformRateLimited",
      "kind": "rate_limit",
      "message": "request trigger frequency limit",
      "advice": "Wait for the number of seconds in `x-ogw-ratelimit-reset`, then retry."
    },
    "99991661": {
      "status": 400,
      "name": "TokenMissing",
      "kind": "token",
      "message": "Missing access token for authorization. Please make a request with token attached.",
      "advice": "Send `Authorization Bearer <token>` with a tenant_access_token or user_access_token."
    },
    "99991663": {
      "status": 400,
      "name": "TenantTokenInvalid",
      "kind": "token",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "Obtain a new tenant_access_token and retry."
    },
    "99991668": {
      "status": 400,
      "name": "UserTokenInvalid",
      "kind": "auth",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "The user_access_token is invalid or expired; refresh it through the user's authorization."
    },
    "99991671": {
      "status": 400,
      "name": "TokenFormatInvalid",
      "kind": "auth",
      "message": "Invalid token format, please check your token.",
      "advice": "The token is not in the format of a Feishu access token; check what follows `Bearer `."
    }
  },
  "removeTaskCollaborator": {
    "1470403": {
      "status": 403,
      "name": "IdentityTokenIncorrect",
      "kind": "auth",
      "message": "The identity token is incorrect. It should be either user_access_token or tenant_access_token.",
      "advice": "The caller's identity token is wrong; it must be a user_access_token or a tenant_access_token."
    },
    "1470404": {
      "status": 400,
      "name": "TaskUpdateRefused",
      "kind": "permission",
      "message": "be refused to create or update task",
      "advice": "Usually the caller lacks permission for the operation; for example, a task's followers may not change it."
    },
    "1470450": {
      "status": 400,
      "name": "TooManyRequests",
      "kind": "rate_limit",
      "message": "request too fast",
      "advice": "Too many requests at once caused throttling; retry later."
    },
    "1470451": {
      "status": 400,
      "name": "TaskRequestsTooFrequent",
      "kind": "rate_limit",
      "message": "request api concurrently",
      "advice": "Requests for the same task are too frequent; lower their rate."
    },
    "1470602": {
      "status": 400,
      "name": "InvalidTaskId",
      "kind": "validation",
      "message": "Invalid task id.",
      "advice": "Check that the task id is valid."
    },
    "1470700": {
      "status": 404,
      "name": "CollaboratorNotFound",
      "kind": "not_found",
      "message": "task collaborator not found",
      "advice": "The collaborator ID could not be found; check that it is valid."
    },
    "1470702": {
      "status": 500,
      "name": "RemoveCollaboratorFailed",
      "kind": "server",
      "message": "failed to delete task collaborator",
      "advice": "Removing the collaborator failed; look at the specific error returned, and if that does not help, contact Feishu support with the request id."
    },
    "99991400": {
      "status": 429,
      "name": "PlatformRateLimited",
      "kind": "rate_limit",
      "message": "request trigger frequency limit",
      "advice": "Wait for the number of seconds in `x-ogw-ratelimit-reset`, then retry."
    },
    "99991661": {
      "status": 400,
      "name": "TokenMissing",
      "kind": "token",
      "message": "Missing access token for authorization. Please make a request with token attached.",
      "advice": "Send `Authorization Bearer <token>` with a tenant_access_token or user_access_token."
    },
    "99991663": {
      "status": 400,
      "name": "TenantTokenInvalid",
      "kind": "token",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "Obtain a new tenant_access_token and retry."
    },
    "99991668": {
      "status": 400,
      "name": "UserTokenInvalid",
      "kind": "auth",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "The user_access_token is invalid or expired; refresh it through the user's authorization."
    },
    "99991671": {
      "status": 400,
      "name": "TokenFormatInvalid",
      "kind": "auth",
      "message": "Invalid token format, please check your token.",
      "advice": "The token is not in the format of a Feishu access token; check what follows `Bearer `."
    }
  },
  "addTasklistMembers": {
    "1470400": {
      "status": 400,
      "name": "InvalidParameter",
      "kind": "validation",
      "message": "请求参数错误，如提供的清单GUID不合法。",
      "advice": "The returned msg says what is wrong."
    },
    "1470403": {
      "status": 403,
      "name": "TasklistEditPermissionMissing",
      "kind": "permission",
      "message": "缺少清单的编辑权限。",
      "advice": "Check that the calling identity has edit permission on the tasklist."
    },
    "1470404": {
      "status": 404,
      "name": "TasklistNotFound",
      "kind": "not_found",
      "message": "清单不存在或者已删除。",
      "advice": "Check whether the tasklist exists or was deleted."
    },
    "1470500": {
      "status": 500,
      "name": "ServerError",
      "kind": "server",
      "message": "服务器错误。",
      "advice": "Retry the call; if it keeps failing, contact support."
    },
    "1470612": {
      "status": 400,
      "name": "TasklistMemberLimitExceeded",
      "kind": "validation",
      "message": "清单成员数量超限。",
      "advice": "Call the get-tasklist endpoint to check how many members the tasklist has."
    },
    "99991400": {
      "status": 429,
      "name": "PlatformRateLimited",
      "kind": "rate_limit",
      "message": "request trigger frequency limit",
      "advice": "Wait for the number of seconds in `x-ogw-ratelimit-reset`, then retry."
    },
    "99991661": {
      "status": 400,
      "name": "TokenMissing",
      "kind": "token",
      "message": "Missing access token for authorization. Please make a request with token attached.",
      "advice": "Send `Authorization Bearer <token>` with a tenant_access_token or user_access_token."
    },
    "99991663": {
      "status": 400,
      "name": "TenantTokenInvalid",
      "kind": "token",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "Obtain a new tenant_access_token and retry."
    },
    "99991668": {
      "status": 400,
      "name": "UserTokenInvalid",
      "kind": "auth",
      "message": "Invalid access token for authorization. Please make a request with token attached.",
      "advice": "The user_access_token is invalid or expired; refresh it through the user's authorization."
    },
    "99991671": {
      "status": 400,
      "name": "TokenFormatInvalid",
      "kind": "auth",
      "message": "Invalid token format, please check your token.",
      "advice": "The token is not in the format of a Feishu access token; check what follows `Bearer `."
    }
  },
  "getTenantAccessToken": {
    "10003": {
      "status": 400,
      "name": "InvalidParam",
      "kind": "validation",
      "message": "invalid param",
      "advice": "Send both app_id and app_secret."
    },
    "10014": {
      "status": 400,
      "name": "AppSecretInvalid",
      "kind": "auth",
      "message": "app secret invalid",
      "advice": "Check the app_secret on the developer console."
    }
  }
} as const;

/** Every documented error by its name: code, kind and English advice (compact form for the client). */
export const errorCatalog = {
  "IdentityTokenIncorrect": {
    "code": 1470403,
    "kind": "auth",
    "advice": "The caller's identity token is wrong; it must be a user_access_token or a tenant_access_token."
  },
  "TaskUpdateRefused": {
    "code": 1470404,
    "kind": "permission",
    "advice": "Usually the caller lacks permission for the operation; for example, a task's followers may not change it."
  },
  "CollaboratorLimitExceeded": {
    "code": 1470429,
    "kind": "validation",
    "advice": "The total number of collaborators exceeds the limit; a task has at most 50 collaborators."
  },
  "AlreadyCollaborators": {
    "code": 1470431,
    "kind": "conflict",
    "advice": "The users are already collaborators of the task and cannot be added again."
  },
  "TooManyRequests": {
    "code": 1470450,
    "kind": "rate_limit",
    "advice": "Too many requests at once caused throttling; retry later."
  },
  "TaskRequestsTooFrequent": {
    "code": 1470451,
    "kind": "rate_limit",
    "advice": "Requests for the same task are too frequent; lower their rate."
  },
  "InvalidTaskId": {
    "code": 1470602,
    "kind": "validation",
    "advice": "Check that the task id is valid."
  },
  "AddCollaboratorFailed": {
    "code": 1470701,
    "kind": "server",
    "advice": "Adding the collaborator failed; if retrying does not help, contact Feishu support."
  },
  "PlatformRateLimited": {
    "code": 99991400,
    "kind": "rate_limit",
    "advice": "Wait for the number of seconds in `x-ogw-ratelimit-reset`, then retry."
  },
  "TokenMissing": {
    "code": 99991661,
    "kind": "token",
    "advice": "Send `Authorization Bearer <token>` with a tenant_access_token or user_access_token."
  },
  "TenantTokenInvalid": {
    "code": 99991663,
    "kind": "token",
    "advice": "Obtain a new tenant_access_token and retry."
  },
  "UserTokenInvalid": {
    "code": 99991668,
    "kind": "auth",
    "advice": "The user_access_token is invalid or expired; refresh it through the user's authorization."
  },
  "TokenFormatInvalid": {
    "code": 99991671,
    "kind": "auth",
    "advice": "The token is not in the format of a Feishu access token; check what follows `Bearer `."
  },
  "CollaboratorNotFound": {
    "code": 1470700,
    "kind": "not_found",
    "advice": "The collaborator ID could not be found; check that it is valid."
  },
  "RemoveCollaboratorFailed": {
    "code": 1470702,
    "kind": "server",
    "advice": "Removing the collaborator failed; look at the specific error returned, and if that does not help, contact Feishu support with the request id."
  },
  "InvalidParameter": {
    "code": 1470400,
    "kind": "validation",
    "advice": "The returned msg says what is wrong."
  },
  "TasklistEditPermissionMissing": {
    "code": 1470403,
    "kind": "permission",
    "advice": "Check that the calling identity has edit permission on the tasklist."
  },
  "TasklistNotFound": {
    "code": 1470404,
    "kind": "not_found",
    "advice": "Check whether the tasklist exists or was deleted."
  },
  "ServerError": {
    "code": 1470500,
    "kind": "server",
    "advice": "Retry the call; if it keeps failing, contact support."
  },
  "TasklistMemberLimitExceeded": {
    "code": 1470612,
    "kind": "validation",
    "advice": "Call the get-tasklist endpoint to check how many members the tasklist has."
  },
  "InvalidParam": {
    "code": 10003,
    "kind": "validation",
    "advice": "Send both app_id and app_secret."
  },
  "AppSecretInvalid": {
    "code": 10014,
    "kind": "auth",
    "advice": "Check the app_secret on the developer console."
  }
} as const;

/** Each operation's documented codes: [HTTP status, error name] (compact form for the client). */
export const operationErrors = {
  "addTaskCollaborators": {
    "1470403": [401, "IdentityTokenIncorrect"],
    "1470404": [400, "TaskUpdateRefused"],
    "1470429": [400, "CollaboratorLimitExceeded"],
    "1470431": [400, "AlreadyCollaborators"],
    "1470450": [429, "TooManyRequests"],
    "1470451": [400, "TaskRequestsTooFrequent"],
    "1470602": [400, "InvalidTaskId"],
    "1470701": [500, "AddCollaboratorFailed"],
    "99991400": [429, "PlatformRateLimited"],
    "99991661": [400, "TokenMissing"],
    "99991663": [400, "TenantTokenInvalid"],
    "99991668": [400, "UserTokenInvalid"],
    "99991671": [400, "TokenFormatInvalid"]
  },
  "removeTaskCollaborator": {
    "1470403": [403, "IdentityTokenIncorrect"],
    "1470404": [400, "TaskUpdateRefused"],
    "1470450": [400, "TooManyRequests"],
    "1470451": [400, "TaskRequestsTooFrequent"],
    "1470602": [400, "InvalidTaskId"],
    "1470700": [404, "CollaboratorNotFound"],
    "1470702": [500, "RemoveCollaboratorFailed"],
    "99991400": [429, "PlatformRateLimited"],
    "99991661": [400, "TokenMissing"],
    "99991663": [400, "TenantTokenInvalid"],
    "99991668": [400, "UserTokenInvalid"],
    "99991671": [400, "TokenFormatInvalid"]
  },
  "addTasklistMembers": {
    "1470400": [400, "InvalidParameter"],
    "1470403": [403, "TasklistEditPermissionMissing"],
    "1470404": [404, "TasklistNotFound"],
    "1470500": [500, "ServerError"],
    "1470612": [400, "TasklistMemberLimitExceeded"],
    "99991400": [429, "PlatformRateLimited"],
    "99991661": [400, "TokenMissing"],
    "99991663": [400, "TenantTokenInvalid"],
    "99991668": [400, "UserTokenInvalid"],
    "99991671": [400, "TokenFormatInvalid"]
  },
  "getTenantAccessToken": {
    "10003": [400, "InvalidParam"],
    "10014": [400, "AppSecretInvalid"]
  }
} as const;

/** The pages' Chinese troubleshooting advice, by operation and code (kept apart so apps can leave it out). */
export const adviceZh = {
  "addTaskCollaborators": {
    "1470403": "发起请求方的身份token不正确，需要为UserAccessToken或TenantAccessToken其中一种",
    "1470404": "一般是因为操作者没有操作权限，导致更新任务或其他更新任务的操作失败。如，任务的关注者没有权限修改任务。",
    "1470429": "执行者总数超过了最大数量限制，目前一个任务最多只能添加50人",
    "1470431": "用户已经是任务的协作者，不能重复添加",
    "1470450": "当前同时发起的请求过多，峰值较高导致了限流，请稍后重新尝试",
    "1470451": "对同一个任务的操作请求太频繁，需要降低请求频次",
    "1470602": "请检查任务的 id 是否合法",
    "1470701": "添加任务执行者失败，若重试无法解决，请联系飞书技术人员协助排查",
    "99991400": "触发平台频率限制，请按 x-ogw-ratelimit-reset 响应头给出的秒数等待后重试。",
    "99991661": "请求头缺少访问凭证或 Authorization 格式错误，请按 \"Bearer access_token\" 格式携带令牌。",
    "99991663": "tenant_access_token 无效或已过期，请重新获取后重试。",
    "99991668": "user_access_token 无效或已过期，请刷新用户访问凭证。",
    "99991671": "令牌格式错误，请检查 Bearer 之后的令牌是否为 t- 或 u- 开头的访问凭证。"
  },
  "removeTaskCollaborator": {
    "1470403": "发起请求方的身份token不正确，需要为UserAccessToken或TenantAccessToken其中一种",
    "1470404": "一般是因为操作者没有操作权限，导致更新任务或其他更新任务的操作失败。如，任务的关注者没有权限修改任务。",
    "1470450": "当前同时发起的请求过多，峰值较高导致了限流，请稍后重新尝试",
    "1470451": "对同一个任务的操作请求太频繁，需要降低请求频次",
    "1470602": "请检查任务的 id 是否合法",
    "1470700": "执行者ID无法找到，请检查执行者 ID 的有效性",
    "1470702": "移除指定的任务执行者失败，请结合返回的具体错误进行排查。如果无法解决，请提供 request id 并联系飞书技术人员协助排查",
    "99991400": "触发平台频率限制，请按 x-ogw-ratelimit-reset 响应头给出的秒数等待后重试。",
    "99991661": "请求头缺少访问凭证或 Authorization 格式错误，请按 \"Bearer access_token\" 格式携带令牌。",
    "99991663": "tenant_access_token 无效或已过期，请重新获取后重试。",
    "99991668": "user_access_token 无效或已过期，请刷新用户访问凭证。",
    "99991671": "令牌格式错误，请检查 Bearer 之后的令牌是否为 t- 或 u- 开头的访问凭证。"
  },
  "addTasklistMembers": {
    "1470400": "错误原因见返回的msg提示的信息。",
    "1470403": "检查调用身份是否有清单的编辑权限。详情见清单功能概述中的“清单是如何鉴权的？“章节。",
    "1470404": "确认要添加成员的清单是否存在或已删除。",
    "1470500": "尝试重试调用。如持续失败，请联系支持人员进行反馈。",
    "1470612": "调用获取清单详情接口确认清单成员数量。",
    "99991400": "触发平台频率限制，请按 x-ogw-ratelimit-reset 响应头给出的秒数等待后重试。",
    "99991661": "请求头缺少访问凭证或 Authorization 格式错误，请按 \"Bearer access_token\" 格式携带令牌。",
    "99991663": "tenant_access_token 无效或已过期，请重新获取后重试。",
    "99991668": "user_access_token 无效或已过期，请刷新用户访问凭证。",
    "99991671": "令牌格式错误，请检查 Bearer 之后的令牌是否为 t- 或 u- 开头的访问凭证。"
  },
  "getTenantAccessToken": {
    "10003": "检查请求体是否包含 app_id 与 app_secret。",
    "10014": "在开发者后台核对 app_secret。"
  }
} as const;

export type OperationId = keyof typeof operations;
export type ErrorKind = (typeof errors)[OperationId][keyof (typeof errors)[OperationId]]['kind'];
