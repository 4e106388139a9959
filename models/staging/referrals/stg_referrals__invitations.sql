with
source as (
    select * from {{ source('referrals', 'invitations') }}
),

renamed as (
    select distinct
        cast(invitation_id as {{ dbt.type_string() }}) as invitation_id,
        cast(inviter_user_id as {{ dbt.type_string() }}) as inviter_user_id,
        {{ to_utc('sent_at') }} as sent_at,
        cast(invitee_email_hash as {{ dbt.type_string() }}) as invitee_email_hash,
        cast(signed_up_user_id as {{ dbt.type_string() }}) as signed_up_user_id,
        {{ to_utc('signed_up_at') }} as signed_up_at
    from source
),

final as (
    select
        *,
        (
            (signed_up_user_id is null) = (signed_up_at is null)
            and (signed_up_at is null or signed_up_at >= sent_at)
        ) as is_valid
    from renamed
)

select * from final
